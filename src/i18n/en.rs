//! Every English string of the interface ([`super`]).

use super::{BenchText, BlockText, Chrome, CompareText, ExplorerText, MnistText, QuantizeText, SignalText, TablesText, ViewNames};

/// The page's frame.
pub static CHROME: Chrome = Chrome {
    tagline: "machine-learning number formats, bit by bit",
    footer: "Exact arithmetic in Rust (lowbit-core), compiled to WebAssembly. Codes and formats are kept in the URL: share it.",
    views: ViewNames {
        explorer: "Bit explorer",
        tables: "Value tables",
        signal: "Quantized signals",
        quantize: "Quantize",
        compare: "Compare formats",
        mnist: "MNIST lab",
        block: "GGUF blocks",
        tensors: "Tensors",
        bench: "Speed",
    },
    nav_label: "views",
    theme_label: "Colour theme",
    theme_system: "System theme",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_contrast: "High contrast",
    lang_label: "Language",
    dismiss: "dismiss",
    share: "Share",
    share_title: "Share or embed this view",
    link: "Link",
    copy_link: "Copy link",
    link_copied: "Link copied.",
    embed_label: "Embed in a page (an iframe without header or navigation)",
    copy_snippet: "Copy snippet",
    snippet_copied: "Snippet copied.",
    close: "Close",
    loading: |view| format!("Loading the {view} view…"),
    load_failed: |view, why| format!("The {view} view could not be loaded: {why}. The other views still work."),
    retry: "Try again",
    stale: "Not updated — showing the last accepted input, because: ",
    download_as: |what| format!("download as {what}"),
    job_step: |label, step, total| format!("{label} — step {step} of {total} (in the compute worker)"),
    cancel: "Cancel",
    export_table: "export the table",
    export_chart: "export the chart",
    picker_groups: ["floating point", "IEEE P3109", "integer", "lookup table", "custom"],
    number_format: "number format",
};

/// The bit explorer.
pub static EXPLORER: ExplorerText = ExplorerText {
    format: "Format",
    custom_summary: |bits, id| format!("custom float, {bits} bits: sign + {id}"),
    value: "Value",
    code: "Code",
    encode_heading: "Encode a number",
    limits_of: "Limits of ",
    all_formats: "All formats",
    all_formats_hint: "Click a row to open the format. Hover a number for its exact value.",
    bits_label: "bits of the code, most significant first",
    custom_title: "Custom eXmY format",
    exponent_bits: "exponent bits",
    mantissa_bits: "mantissa bits",
    bias: "bias",
    special_values: "special values",
    custom_id: "id in the URL: ",
    custom_rule: " — sign + exponent + mantissa ≤ 32 bits; the bias defaults to 2^(X−1) − 1.",
    jump_group: "jump to a value of the format",
    jump_to: "Jump to",
    next_down: "◀ next down",
    next_up: "next up ▶",
    ulp_here: "ULP here: ",
    show_less: "show less",
    show_all_digits: |digits| format!("show all {digits} significant digits"),
    input_label: "a number or a code to encode",
    encode: "Encode",
    rounding: "rounding",
    overflow: "overflow",
    default_choice: |name| format!("default ({name})"),
    input_approx: "input ≈ ",
    error: "error ",
    relative: "relative ",
    table_columns: ["format", "bits", "layout", "max", "min normal", "min positive", "epsilon", "±Inf", "NaN codes"],
    min_positive_title: "smallest positive value: the smallest subnormal where the format has subnormals",
    term: |_| None,
    open_it: ": open it",
};

/// The value tables.
pub static TABLES: TablesText = TablesText {
    seed_heading: "The seed's 4-bit tables",
    seed_hint_before: "Every code of NF4, bitsandbytes' FP4 (in bnb's code order, as ",
    seed_hint_after: " prints its state) and OCP FP4 E2M1. Click a row to open the code in the bit explorer.",
    seed_tables: ["NF4 (QLoRA)", "bitsandbytes FP4", "OCP FP4 E2M1"],
    bnb_heading: "Why bitsandbytes' FP4 is not E2M1",
    bnb_note: [
        "bitsandbytes' FP4 is a sign bit plus a 3-bit lookup table, not the OCP E2M1 bit layout. \
         Its magnitudes are [0, 0.0625, 8, 12, 4, 6, 2, 3] / 12: every block is scaled by its absmax, \
         so the largest level is 1 (E2M1's is 6).",
        "Divide E2M1 by 6 and you get almost the same levels — 0, 1/12, 1/6, 1/4, 1/3, 1/2, 2/3, 1 — \
         except the smallest: bnb has 1/192 (0.0052) where E2M1/6 has 1/12. The order differs too: \
         bnb's exponent patterns are permuted (01 holds the top binade 2/3 and 1, 10 the next, 11 the \
         lowest), so its codes are not monotone in value and cannot be decoded as E2M1.",
        "Code 8 (sign bit set, magnitude 0) is −0 when bnb's CUDA kernel dequantizes it; bnb's stored \
         table, shown here, holds +0 there.",
    ],
    nf4_heading: "How NF4 is built from normal quantiles",
    nf4_text: [
        "NF4 spends its 16 codes where normally distributed weights are dense. QLoRA takes quantiles of N(0, 1): 8 positive levels Φ⁻¹(p) for p in equal steps from 0.9677 down towards 0.5, 7 negative ones the same way, and an exact zero; then divides all by Φ⁻¹(0.9677) ≈ 1.848 so the table spans [−1, 1].",
        "The positive side gets one level more than the negative side, so that zero is exactly representable. Each block of weights is scaled by its absmax before it is rounded to the nearest level. Hover a dot for its p, z and stored value.",
    ],
    any_heading: "Every code of any format up to 8 bits",
    format: "Format",
    picker_label: "format of the table",
    shown_above: " is one of the seed's tables, shown above.",
    legend_label: "colour key",
    legend: ["zero", "subnormal", "normal / value", "±Inf", "NaN", "unused code"],
    columns: ["code", "bits", "≈", "value"],
    rounded_title: "rounded to 4 decimals, as torch prints it",
    value_title: "the stored value, shortest round-trip decimal",
};

/// The quantized signals.
pub static SIGNAL: SignalText = SignalText {
    hover_hint: "Hover a chart to read x, the original and every reconstruction with its error.",
    hover_columns: ["scheme", "value", "error", "|error| / |x|"],
    metrics_columns: ["scheme", "MSE", "max |error|", "SQNR", "bits / element", "block"],
    bits_title: "including the per-block scales",
    headings: ["Examples", "Schemes", "Original and reconstructions", "Error per sample", "Metrics"],
    controls: ["signal", "amplitude (σ for noise)", "periods (2 = 4π)", "samples", "block size"],
    error_modes: ["absolute |q − x|", "relative |q − x| / |x|"],
};

/// Quantize.
pub static QUANTIZE: QuantizeText = QuantizeText {
    your_numbers: "Your numbers",
    numbers_help: "numbers: separated by commas, spaces, ';' or new lines, or a Python/JSON list or printed tensor",
    scheme: "scheme",
    block_size: "block size",
    result: "Result",
    step_by_step: "Step by step",
    histogram: "The numbers and the values stored",
    codes: "codes",
    dequantized: "dequantized",
    packed_bytes: "Packed bytes",
    first_bytes: |shown, total| format!("The first {shown} of {total} bytes."),
    trace_export_rows: |rows| format!("The exported files hold the trace's first {rows} rows."),
    byte_columns: ["byte i", "hex", "binary", "decimal"],
    quantizing: |count| format!("the compute worker is quantizing the {count} new values"),
    failed: |why| format!("The computation failed: {why}. Change the numbers or the scheme to try again (the worker restarts)."),
    trace_failed: |why| format!("These trace rows could not be read: {why}."),
};

/// The Speed view.
pub static BENCH: BenchText = BenchText {
    heading: "Speed in this browser",
    elements: "elements per operation",
    per_second: "Elements per second",
    columns: ["operation", "format / scheme", "block", "this browser", "native", "browser / native"],
    intro: [
        "The compute worker runs the workloads of ",
        " here: encode and decode of each FP8, FP6, FP4, bf16 and f16 format, quantize and dequantize of every scheme, each over the same random normal input (best of three after a warm-up). WebAssembly with SIMD, one thread.",
    ],
    run: "Run the bench",
};

/// Compare formats.
pub static COMPARE: CompareText = CompareText {
    add_label: "add",
    add: "Add",
    wheel_hint: "Or turn the mouse wheel over the number line.",
    columns: ["format", "code", "bits", "stored value", "error", "relative", "status"],
    error_title: "stored value − the number typed",
    headings: ["Where the values lie", "Relative spacing: ULP(x) / x", "Limits side by side", "One number in every format"],
    add_format: "add a format",
    add_custom: "add a custom format id",
    scales: ["linear", "log"],
    zoom: ["zoom in", "zoom out", "pan left", "pan right", "show every format whole"],
    whole_range: "whole range",
};

/// The MNIST lab.
pub static MNIST: MnistText = MnistText {
    heading: "The seed's MNIST network in every format",
    lead: "Seed article 000's MLP 784-128-64-10, trained in Rust (lowbit-mnist) and run in every scheme in a compute worker.",
    headings: [
        "Accuracy and size of every scheme",
        "Accuracy against bits per parameter",
        "Weights of each layer and the values the scheme stores",
        "Test digits",
        "Draw a digit",
        "Train in the browser",
    ],
    scales_hint: "Bits per parameter include every stored scale. Click a scheme in the table to highlight it.",
    draw_hint: "Draw a digit: every scheme's prediction updates as you draw.",
    table_wait: "The table appears when the worker has scored the test digits.",
    logits_columns: ["scheme", "digit"],
    table_columns: ["scheme", "accuracy", "size (seed's count)", "size with scales", "bits / parameter", "multiplies / adds per digit", "the article"],
    train_columns: ["epoch", "mean training loss", "test accuracy"],
    train_fields: ["seed", "epochs", "learning rate", "momentum", "batch"],
    how: "How: ",
    qat_layers: "QAT scheme per layer (float32 leaves a layer plain): ",
    lesson: "The lesson: ternary QAT from scratch at the seed's lr 0.01 × 4 epochs converges slowly, no better than quantizing after training; fine-tuned from fp32 it comes within about a point of fp32 (hence the default); from scratch it needs lr 0.05 or ~12 epochs. Try both.",
    train: "Train",
    clear: "Clear",
    draw_label: "drawing surface: draw a digit with the mouse, a finger or a pen",
    drop_hint: "Drop a .safetensors of the seed's model (F32 model.0.weight … model.4.bias) and/or a data file (images U8 [N, 784], labels U8 [N]) here to evaluate it. Nothing is uploaded.",
    test_digit: "test digit ",
};

/// The GGUF block explorer.
pub static BLOCK: BlockText = BlockText {
    heading: "GGUF block explorer",
    headings: ["Fields", "Bytes", "Super-block scales", "Values"],
    fields_hint: "Click a field to light up its bytes; click a bit to flip it.",
    values_hint: "value = scale · level + min, as ggml's dequantize computes it; click a row to light up the bits it depends on.",
    scale_columns: ["sub-block", "stored scale", "scale", "stored min", "min"],
    value_columns: ["element", "group", "code", "level", "scale", "min", "value"],
    type_label: "type ",
    bytes_label: "block bytes (hex, as ggml stores them)",
    example: "Example block",
    scales_hint: [
        "The sub-block scales (s) and mins (m) as packed in the ",
        " bytes: each bit is labelled with the sub-block and the bit of the stored value it holds (s3.5: bit 5 of sub-block 3's scale).",
    ],
};
