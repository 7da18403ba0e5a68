//! Every German string of the interface ([`super`]). Terms as in the German source article:
//! Gleitkomma, Mantisse, Exponent, Quantisierung.

use super::{BenchText, BlockText, Chrome, CompareText, ExplorerText, MnistText, QuantizeText, SignalText, TablesText, ViewNames};

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
            _ => return None,
        })
    },
    open_it: ": öffnen",
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
};

/// The quantized signals.
pub static SIGNAL: SignalText = SignalText {
    hover_hint: "Zeigen Sie auf ein Diagramm, um x, das Original und jede Rekonstruktion mit ihrem Fehler abzulesen.",
    hover_columns: ["Schema", "Wert", "Fehler", "|Fehler| / |x|"],
    metrics_columns: ["Schema", "MSE", "max. |Fehler|", "SQNR", "Bits / Element", "Block"],
    bits_title: "einschließlich der Skalen je Block",
    headings: ["Beispiele", "Schemata", "Original und Rekonstruktionen", "Fehler je Abtastwert", "Kennzahlen"],
    controls: ["Signal", "Amplitude (σ bei Rauschen)", "Perioden (2 = 4π)", "Abtastwerte", "Blockgröße"],
    error_modes: ["absolut |q − x|", "relativ |q − x| / |x|"],
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
    byte_columns: ["Byte i", "hex", "binär", "dezimal"],
    quantizing: |count| format!("der Rechen-Worker quantisiert die {count} neuen Werte"),
    failed: |why| format!("Die Berechnung ist fehlgeschlagen: {why}. Ändern Sie die Zahlen oder das Schema, um es erneut zu versuchen (der Worker startet neu)."),
    trace_failed: |why| format!("Diese Zeilen der Schrittfolge konnten nicht gelesen werden: {why}."),
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
};

/// Compare formats.
pub static COMPARE: CompareText = CompareText {
    add_label: "hinzufügen",
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
};
