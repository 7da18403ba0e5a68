//! The user interface's languages: English, Russian and German, every string of each in one
//! file ([`en`], [`ru`], [`de`]). Each part of the interface has its own table (a struct of
//! `&'static str` fields, with small functions for texts with numbers or names in them), and
//! each language one `static` of it, so a missing translation is a compile error and a lazily
//! loaded module links only the tables of its own views.
//!
//! The language is the URL's `lang` key ([`crate::embed::AppParams::lang`]: `en`, `ru`, `de`);
//! without it, the browser's first supported language ([`Lang::from_browser`]), else English.
//! Numbers are formatted the same way in every language (the models format them; no table
//! here holds a number format): `0.5`, never `0,5`.
//!
//! Pure, natively tested. The page's side (the context, `<html lang>`, the switcher) is
//! [`crate::ui::lang`].

pub mod audit;
pub mod de;
pub mod en;
pub mod ru;

use crate::query::View;

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
    /// German.
    De,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::De];

    /// The URL name and `<html lang>` value: `en`, `ru`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::De => "de",
        }
    }

    /// The language's name in itself (the switcher's label).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::De => "Deutsch",
        }
    }

    /// The language a URL value or a BCP 47 tag names (`ru`, `RU`, `ru-RU`, `de_AT`: case,
    /// surrounding space and the region ignored), if the interface has it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages (`navigator.languages`, most preferred
    /// first) that the interface has; English when none is.
    pub fn from_browser<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred.iter().find_map(|tag| Lang::parse(tag.as_ref())).unwrap_or_default()
    }

    /// The page's frame: header, navigation, footer, notices, switchers, share dialog.
    pub fn chrome(self) -> &'static Chrome {
        match self {
            Lang::En => &en::CHROME,
            Lang::Ru => &ru::CHROME,
            Lang::De => &de::CHROME,
        }
    }

    /// The bit explorer.
    pub fn explorer(self) -> &'static ExplorerText {
        match self {
            Lang::En => &en::EXPLORER,
            Lang::Ru => &ru::EXPLORER,
            Lang::De => &de::EXPLORER,
        }
    }

    /// The value tables.
    pub fn tables(self) -> &'static TablesText {
        match self {
            Lang::En => &en::TABLES,
            Lang::Ru => &ru::TABLES,
            Lang::De => &de::TABLES,
        }
    }

    /// The quantized signals.
    pub fn signal(self) -> &'static SignalText {
        match self {
            Lang::En => &en::SIGNAL,
            Lang::Ru => &ru::SIGNAL,
            Lang::De => &de::SIGNAL,
        }
    }

    /// Quantize.
    pub fn quantize(self) -> &'static QuantizeText {
        match self {
            Lang::En => &en::QUANTIZE,
            Lang::Ru => &ru::QUANTIZE,
            Lang::De => &de::QUANTIZE,
        }
    }

    /// The Speed view.
    pub fn bench(self) -> &'static BenchText {
        match self {
            Lang::En => &en::BENCH,
            Lang::Ru => &ru::BENCH,
            Lang::De => &de::BENCH,
        }
    }

    /// Compare formats.
    pub fn compare(self) -> &'static CompareText {
        match self {
            Lang::En => &en::COMPARE,
            Lang::Ru => &ru::COMPARE,
            Lang::De => &de::COMPARE,
        }
    }

    /// The MNIST lab.
    pub fn mnist(self) -> &'static MnistText {
        match self {
            Lang::En => &en::MNIST,
            Lang::Ru => &ru::MNIST,
            Lang::De => &de::MNIST,
        }
    }

    /// The GGUF block explorer.
    pub fn block(self) -> &'static BlockText {
        match self {
            Lang::En => &en::BLOCK,
            Lang::Ru => &ru::BLOCK,
            Lang::De => &de::BLOCK,
        }
    }

    /// The notices about the URL (shown by the page's frame).
    pub fn notices(self) -> &'static NoticeText {
        match self {
            Lang::En => &en::NOTICES,
            Lang::Ru => &ru::NOTICES,
            Lang::De => &de::NOTICES,
        }
    }

    /// The tensor files view.
    pub fn tensors(self) -> &'static TensorsText {
        match self {
            Lang::En => &en::TENSORS,
            Lang::Ru => &ru::TENSORS,
            Lang::De => &de::TENSORS,
        }
    }
}

impl Lang {
    /// A quantizer's remark ([`lowbit_core::quant::Remark`], shown under Quantize's result and
    /// Signal's charts) in this language, its numbers and ids as the core gives them; English
    /// is the core's `Display`, the CLI's line.
    pub fn remark(self, remark: &lowbit_core::quant::Remark) -> String {
        match self {
            Lang::En => remark.to_string(),
            Lang::Ru => ru::remark(remark),
            Lang::De => de::remark(remark),
        }
    }
}

/// One line on each catalogue format ([`lowbit_core::CATALOGUE`], in its order): (id, what it
/// is). One entry per format, so a format added to the catalogue is a compile error here until
/// every language describes it (a native test checks the ids and their order).
pub type FormatSummaries = [(&'static str, &'static str); lowbit_core::CATALOGUE.len()];

impl Lang {
    /// The catalogue formats' summaries in this language.
    pub fn format_summaries(self) -> &'static FormatSummaries {
        match self {
            Lang::En => &en::FORMAT_SUMMARIES,
            Lang::Ru => &ru::FORMAT_SUMMARIES,
            Lang::De => &de::FORMAT_SUMMARIES,
        }
    }

    /// What the catalogue format `id` is, in this language; None for a custom format.
    pub fn format_summary(self, id: &str) -> Option<&'static str> {
        self.format_summaries().iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
    }
}

/// The axis titles of the Signal and Compare charts (`lowbit-charts` draws only the words it
/// is given; the histograms' and MNIST's titles are in their views' tables): pairs are (x, y).
pub struct ChartTitles {
    /// Signal: the x axis over samples.
    pub sample: &'static str,
    /// Signal: the x axis over a phase.
    pub phase: &'static str,
    /// Signal: the y axis ("value").
    pub value: &'static str,
    /// Signal: the original signal's legend.
    pub original: &'static str,
    /// The error chart's y axis: absolute, relative.
    pub errors: [&'static str; 2],
    /// Compare's number line: linear, log.
    pub number_line: [&'static str; 2],
    /// Compare's relative spacing.
    pub spacing: [&'static str; 2],
}

impl Lang {
    /// The charts' axis titles.
    pub fn chart_titles(self) -> &'static ChartTitles {
        match self {
            Lang::En => &en::CHART_TITLES,
            Lang::Ru => &ru::CHART_TITLES,
            Lang::De => &de::CHART_TITLES,
        }
    }
}

/// The accessible names of scroll regions, control groups and images that have no visible
/// label (shared by the views: a few words each).
pub struct RegionText {
    /// The explorer's limits of every format.
    pub limits_of_every_format: &'static str,
    /// A value table's grid, by the format's id.
    pub every_code_of: fn(&str) -> String,
    /// Signal's error-curve switch.
    pub error_curves: &'static str,
    /// Quantize's trace window, by its rows (formatted).
    pub trace_rows: fn(&str) -> String,
    /// MNIST: every scheme's prediction.
    pub predictions: &'static str,
    /// MNIST: the training log.
    pub training_log: &'static str,
    /// MNIST: the accuracy and size table.
    pub accuracy_table: &'static str,
    /// MNIST: the accuracy chart.
    pub accuracy_chart: &'static str,
    /// MNIST: a digit's image.
    pub digit_image: &'static str,
    /// MNIST: a layer's histogram, by the layer's number (from 1).
    pub layer_histogram: fn(usize) -> String,
    /// Block: the values.
    pub block_values: &'static str,
    /// Block: the sub-blocks.
    pub sub_blocks: &'static str,
    /// Compare: the formats compared.
    pub formats_compared: &'static str,
    /// Compare: the scale switch.
    pub scale: &'static str,
    /// Compare: the zoom buttons.
    pub zoom: &'static str,
    /// Compare: the number box.
    pub number_to_show: &'static str,
    /// Compare: the number in every format (the region).
    pub one_number: &'static str,
    /// Compare: the limits side by side.
    pub limits_side_by_side: &'static str,
}

impl Lang {
    /// The accessible names of regions and groups.
    pub fn regions(self) -> &'static RegionText {
        match self {
            Lang::En => &en::REGIONS,
            Lang::Ru => &ru::REGIONS,
            Lang::De => &de::REGIONS,
        }
    }
}

/// The facts of Quantize's summary line ([`QuantizeWords::summary`]): the CLI prints them as
/// "int4_absmax: 4 elements, block scales (size 64), 4.5 bits/element, 3 bytes".
pub struct SummaryFacts<'a> {
    /// The scheme's id.
    pub scheme: &'a str,
    /// How many values.
    pub elements: usize,
    /// What one scale covers.
    pub granularity: lowbit_core::quant::Granularity,
    /// The block size (or row length, or the tensor's elements).
    pub block: usize,
    /// The nominal bits per element (as the CLI writes the number).
    pub bits_per_element: &'a str,
    /// Bits stored once per tensor (0: none).
    pub tensor_bits: u64,
    /// The bytes stored.
    pub bytes: u64,
}

/// Quantize's result words (module `lowbit-quantize`): the summary line, the facts' and the
/// metrics' names, the nibble columns and the words the trace's column headings are made of
/// (their formulas — `x / scale`, `clamp(…)` — read the same in every language).
pub struct QuantizeWords {
    /// The summary line.
    pub summary: fn(&SummaryFacts) -> String,
    /// "scale", "scales" (the list's name by how many).
    pub scale_names: [&'static str; 2],
    /// The further facts: scale codes, tensor scale, zero points, outlier columns (fp16),
    /// mins, blocks (hex, as ggml stores them).
    pub facts: [&'static str; 6],
    /// A hex list cut short: "… N more bytes" (the count formatted).
    pub more_bytes: fn(&str) -> String,
    /// The metrics: MSE, max |error|, SQNR dB, bits / element, bits / element of this input.
    pub metrics: [&'static str; 5],
    /// Bits per element of this input: (the bits, bytes, values, the nominal bits, where the
    /// nominal rate holds).
    pub actual_bits: fn(&str, u64, u64, &str, &str) -> String,
    /// Where the nominal rate holds: at block N, per row of N, for a large tensor.
    pub nominal_where: fn(lowbit_core::quant::Granularity, usize) -> String,
    /// The nibble columns: high, low; then each with the element it holds first
    /// (high: x[2i], first; low: x[2i+1]; high: x[2i+1]; low: x[2i], first).
    pub nibbles: [&'static str; 6],
    /// The trace's words: index, block, row, error, code, rounded, dequantized, scale, zero
    /// point, absmax, block absmax, row absmax, threshold, level index, value, level.
    pub trace: [&'static str; 16],
    /// Trace headings with the element format's id: its level, the nearest level, the nearest
    /// value (saturating), its code, the stored value, its largest value.
    pub element: [fn(&str) -> String; 6],
    /// What NVFP4's two scales are: "tensor × E4M3 block".
    pub tensor_block: &'static str,
    /// Why the result shown is stale while the worker reads a long paste.
    pub reading_paste: &'static str,
}

impl Lang {
    /// Quantize's result words.
    pub fn quantize_words(self) -> &'static QuantizeWords {
        match self {
            Lang::En => &en::QUANTIZE_WORDS,
            Lang::Ru => &ru::QUANTIZE_WORDS,
            Lang::De => &de::QUANTIZE_WORDS,
        }
    }
}

/// The GGUF block explorer's descriptions (module `lowbit-lab`): what each type and each of
/// its fields is (the core's field table, [`lowbit_core::gguf::TYPES`], is English, for the CLI
/// too; a native test checks every type and field has a text here in every language), what a
/// bit is, and the facts line.
pub struct BlockWords {
    /// What a type is, by its id (`q4_k`); None for no type of the table.
    pub type_summary: fn(&str) -> Option<&'static str>,
    /// What a field of a type holds: (type id, field name); None for no such field.
    pub field_what: fn(&str, &str) -> Option<&'static str>,
    /// Where a field lies: its first and last byte ("byte 0", "bytes 4–15").
    pub span: fn(usize, usize) -> String,
    /// The facts line: the type's id, its elements, its bytes, its bits per element.
    pub facts: fn(&str, usize, usize, &str) -> String,
    /// A field of codes: its bytes.
    pub bytes: fn(usize) -> String,
    /// The E8M0 byte's value: e, the power of two, the power of ggml's doubled E2M1 levels.
    pub e8m0: fn(i32, i32, i32) -> String,
    /// The k-quants' scales field: (scales, mins), q3_k's (stored, −32 applies), q6_k's.
    pub scales: [fn(&str, &str) -> String; 3],
    /// A bit's tooltip: its byte, its bit, what it is.
    pub bit_title: fn(usize, u32, &lowbit_core::gguf::BitRole) -> String,
    /// A byte's tooltip: its offset, its field, its hex.
    pub byte_title: fn(usize, &str, &str) -> String,
}

impl Lang {
    /// The block explorer's descriptions.
    pub fn block_words(self) -> &'static BlockWords {
        match self {
            Lang::En => &en::BLOCK_WORDS,
            Lang::Ru => &ru::BLOCK_WORDS,
            Lang::De => &de::BLOCK_WORDS,
        }
    }
}

/// The MNIST lab's generated texts (module `lowbit-lab`): the training form's refusals, the
/// dropped files' messages, the article's note on NF4.
pub struct MnistWords {
    /// A training field refused, by its text: seed, epochs, learning rate, momentum, batch.
    pub bad_field: [fn(&str) -> String; 5],
    /// QAT with no quantized layer.
    pub qat_needs_scheme: &'static str,
    /// After the article's NF4 figures: its 4-bit run was LinearFP4.
    pub nf4_article: &'static str,
    /// Reading dropped files, by their names (joined by [`Self::and`]).
    pub reading: fn(&str) -> String,
    /// " and " between two file names.
    pub and: &'static str,
    /// Files loaded: the weights' and the digits' names.
    pub loaded: fn(&str, &str) -> String,
    /// A dropped file larger than the page reads: its name, its bytes.
    pub too_big: fn(&str, f64) -> String,
}

impl Lang {
    /// The MNIST lab's generated texts.
    pub fn mnist_words(self) -> &'static MnistWords {
        match self {
            Lang::En => &en::MNIST_WORDS,
            Lang::Ru => &ru::MNIST_WORDS,
            Lang::De => &de::MNIST_WORDS,
        }
    }
}

/// The Russian plural form for a count `n`: `one` (1, 21, 101 …), `few` (2–4, 22–24 …) or
/// `many` (0, 5–20, 25 …) — "1 тензор", "3 тензора", "11 тензоров".
pub fn ru_plural(n: u64, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    }
}

/// The views' names in the navigation.
pub struct ViewNames {
    /// The bit explorer.
    pub explorer: &'static str,
    /// The value tables.
    pub tables: &'static str,
    /// Quantized signals.
    pub signal: &'static str,
    /// Quantize.
    pub quantize: &'static str,
    /// Compare formats.
    pub compare: &'static str,
    /// The MNIST lab.
    pub mnist: &'static str,
    /// GGUF blocks.
    pub block: &'static str,
    /// The Speed view.
    pub bench: &'static str,
    /// The tensor files view.
    pub tensors: &'static str,
}

impl ViewNames {
    /// The name of `view`.
    pub fn of(&self, view: View) -> &'static str {
        match view {
            View::Explorer => self.explorer,
            View::Tables => self.tables,
            View::Signal => self.signal,
            View::Quantize => self.quantize,
            View::Compare => self.compare,
            View::Mnist => self.mnist,
            View::Block => self.block,
            View::Bench => self.bench,
            View::Tensors => self.tensors,
        }
    }
}

/// The page's frame and the parts every view shares.
pub struct Chrome {
    /// The line beside the logo.
    pub tagline: &'static str,
    /// The footer.
    pub footer: &'static str,
    /// The views' names.
    pub views: ViewNames,
    /// The navigation's accessible name.
    pub nav_label: &'static str,
    /// The theme switcher's accessible name.
    pub theme_label: &'static str,
    /// Theme: the browser's.
    pub theme_system: &'static str,
    /// Theme: light.
    pub theme_light: &'static str,
    /// Theme: dark.
    pub theme_dark: &'static str,
    /// Theme: high contrast.
    pub theme_contrast: &'static str,
    /// The language switcher's accessible name.
    pub lang_label: &'static str,
    /// The notices' dismiss button.
    pub dismiss: &'static str,
    /// The share button.
    pub share: &'static str,
    /// The share dialog's title.
    pub share_title: &'static str,
    /// "Link".
    pub link: &'static str,
    /// "Copy link".
    pub copy_link: &'static str,
    /// After copying the link.
    pub link_copied: &'static str,
    /// The embed snippet's label.
    pub embed_label: &'static str,
    /// "Copy snippet".
    pub copy_snippet: &'static str,
    /// After copying the snippet.
    pub snippet_copied: &'static str,
    /// "Close".
    pub close: &'static str,
    /// A lazily loaded view while its module loads, by the view's name.
    pub loading: fn(&str) -> String,
    /// A lazily loaded view that could not be loaded: its name and why.
    pub load_failed: fn(&str, &str) -> String,
    /// "Try again".
    pub retry: &'static str,
    /// A result kept on screen that is not updated, before the reason.
    pub stale: &'static str,
    /// An export button's tooltip, by the export's format name.
    pub download_as: fn(&str) -> String,
    /// A compute job's progress: what it does, the step (from 1) and the steps in all.
    pub job_step: fn(&str, u32, u32) -> String,
    /// "Cancel" (a running job).
    pub cancel: &'static str,
    /// The table export buttons' group name.
    pub export_table: &'static str,
    /// The chart export buttons' group name.
    pub export_chart: &'static str,
    /// The format picker's groups: floats, P3109, integers, lookup tables, custom.
    pub picker_groups: [&'static str; 5],
    /// The format picker's default accessible name.
    pub number_format: &'static str,
    /// A compute job's first progress label, before the worker answers.
    pub starting_worker: &'static str,
    /// What a compute job's next step does, from the worker's typed stage (numbers as given).
    pub stage: fn(&lowbit_jobs::protocol::Stage) -> String,
    /// The embed snippet's `<iframe>` title (what a screen reader announces on the host page).
    pub embed_title: &'static str,
}

/// The bit explorer.
pub struct ExplorerText {
    /// "Format" (the picker's label).
    pub format: &'static str,
    /// A custom float's summary: its bits and id.
    pub custom_summary: fn(u32, &str) -> String,
    /// The value card's heading.
    pub value: &'static str,
    /// The code card's heading.
    pub code: &'static str,
    /// The encode card's heading.
    pub encode_heading: &'static str,
    /// The limits card's heading, before the format's id.
    pub limits_of: &'static str,
    /// The limits table's heading.
    pub all_formats: &'static str,
    /// The hint under it.
    pub all_formats_hint: &'static str,
    /// The bit row's accessible name.
    pub bits_label: &'static str,
    /// The fields' names: sign, exponent, mantissa, index (a table's), value (an integer's).
    pub field_names: [&'static str; 5],
    /// A field's caption over its bits: (name, bits), for fields of two bits or more.
    pub field_caption: fn(&str, usize) -> String,
    /// A bit cell's accessible name: (position, field name, the digit it shows).
    pub bit_label: fn(u32, &str, u8) -> String,
    /// The custom format controls: summary.
    pub custom_title: &'static str,
    /// Exponent bits.
    pub exponent_bits: &'static str,
    /// Mantissa bits.
    pub mantissa_bits: &'static str,
    /// Bias.
    pub bias: &'static str,
    /// Special values.
    pub special_values: &'static str,
    /// "id in the URL:".
    pub custom_id: &'static str,
    /// The rule of the custom format's widths and bias.
    pub custom_rule: &'static str,
    /// The jump buttons' group name.
    pub jump_group: &'static str,
    /// "Jump to".
    pub jump_to: &'static str,
    /// Next down.
    pub next_down: &'static str,
    /// Next up.
    pub next_up: &'static str,
    /// "ULP here:".
    pub ulp_here: &'static str,
    /// Collapse the exact decimal.
    pub show_less: &'static str,
    /// Expand the exact decimal, by its number of digits.
    pub show_all_digits: fn(usize) -> String,
    /// The value box's accessible name.
    pub input_label: &'static str,
    /// The encode button.
    pub encode: &'static str,
    /// "rounding".
    pub rounding: &'static str,
    /// "overflow".
    pub overflow: &'static str,
    /// The default rounding or overflow, by its name.
    pub default_choice: fn(&str) -> String,
    /// "input ≈".
    pub input_approx: &'static str,
    /// "error".
    pub error: &'static str,
    /// "relative".
    pub relative: &'static str,
    /// The limits table's column headings: format, bits, layout, max, min normal, min
    /// positive, epsilon, ±Inf, NaN codes.
    pub table_columns: [&'static str; 9],
    /// The tooltip of the "min positive" column.
    pub min_positive_title: &'static str,
    /// A term the explorer's model names in English — a limit's label ("largest finite"), a
    /// jump's ("min normal"), a value class ("subnormal"), "yes", "no" — in this language;
    /// None keeps the model's (English, and names such as "NaN" or "±Inf").
    pub term: fn(&str) -> Option<&'static str>,
    /// A limit's button tooltip: after its full value.
    pub open_it: &'static str,
    /// The value box left empty.
    pub type_a_number: &'static str,
    /// The note under a float formula (`FloatNote`): zero, subnormal.
    pub float_notes: [&'static str; 2],
    /// What a code that is no ordinary number is (`SpecialNote`: ±Inf, NaN, an unused code).
    pub special_note: fn(&crate::features::explorer::model::SpecialNote) -> String,
    /// The line under an integer's formula and under a lookup table's.
    pub formula_notes: [&'static str; 2],
}

/// The value tables.
pub struct TablesText {
    /// The seed's tables' heading.
    pub seed_heading: &'static str,
    /// Its hint, before `quantize_fp4`.
    pub seed_hint_before: &'static str,
    /// Its hint, after `quantize_fp4`.
    pub seed_hint_after: &'static str,
    /// The three seed tables' headings (NF4, bnb FP4, E2M1).
    pub seed_tables: [&'static str; 3],
    /// The note's heading.
    pub bnb_heading: &'static str,
    /// Why bitsandbytes' FP4 is not E2M1, in paragraphs.
    pub bnb_note: [&'static str; 3],
    /// The NF4 figure's heading.
    pub nf4_heading: &'static str,
    /// The NF4 text, in paragraphs.
    pub nf4_text: [&'static str; 2],
    /// The any-format table's heading.
    pub any_heading: &'static str,
    /// "Format".
    pub format: &'static str,
    /// The picker's accessible name.
    pub picker_label: &'static str,
    /// A seed format chosen below: after its id.
    pub shown_above: &'static str,
    /// The colour key's accessible name.
    pub legend_label: &'static str,
    /// The colour key: zero, subnormal, normal / value, ±Inf, NaN, unused code.
    pub legend: [&'static str; 6],
    /// The list's column headings: code, bits, ≈, value.
    pub columns: [&'static str; 4],
    /// The ≈ column's tooltip.
    pub rounded_title: &'static str,
    /// The value column's tooltip.
    pub value_title: &'static str,
    /// The table card's line: the bits, the layout, what the format is.
    pub table_summary: fn(u32, &str, &str) -> String,
    /// A layout without exponent and mantissa: an integer, a lookup table.
    pub layouts: [&'static str; 2],
    /// What a custom float is (it has no catalogue line).
    pub custom_float: &'static str,
    /// A value table's exported columns: code, hex, bits, class, value, exact value.
    pub export_columns: [&'static str; 6],
    /// A grid's corner heading (over the row labels).
    pub grid_corner: &'static str,
}

/// The quantized signals (module `lowbit-signal`).
pub struct SignalText {
    /// The hover read-out's hint.
    pub hover_hint: &'static str,
    /// The hover table's columns: scheme, value, error, |error| / |x|.
    pub hover_columns: [&'static str; 4],
    /// The metrics' columns: scheme, MSE, max |error|, SQNR, bits / element, block.
    pub metrics_columns: [&'static str; 6],
    /// The bits-per-element column's tooltip.
    pub bits_title: &'static str,
    /// Headings: examples, schemes, original and reconstructions, error per sample, metrics.
    pub headings: [&'static str; 5],
    /// The examples of `features::signal::model::presets`, in order: (label, description).
    pub presets: [(&'static str, &'static str); 5],
    /// The scheme groups of `features::signal::model::SCHEME_GROUPS`, in order, then the
    /// group of schemes only the link names.
    pub scheme_groups: [&'static str; 7],
    /// The controls: signal, amplitude (σ for noise), periods (2 = 4π), samples, block size.
    pub controls: [&'static str; 5],
    /// The error chart's modes: absolute, relative.
    pub error_modes: [&'static str; 2],
    /// The signal chart's text summary: (samples, the original's lowest and highest value,
    /// the reconstructions' labels).
    pub plot_summary: fn(usize, &str, &str, &str) -> String,
    /// The error chart's text summary: (relative?, each reconstruction's label and largest
    /// error).
    pub error_summary: fn(bool, &str) -> String,
    /// The worker failed, why.
    pub failed: fn(&str) -> String,
    /// The metrics table's exported columns: scheme, label, MSE, max |error|, SQNR (dB), bits
    /// per element, block.
    pub metrics_export: [&'static str; 7],
    /// The signal selector's choices: sine, ramp (sawtooth), Gaussian noise.
    pub waves: [&'static str; 3],
    /// The charts' accessible names: the signal and its reconstructions, the errors.
    pub chart_labels: [&'static str; 2],
}

/// Quantize (module `lowbit-quantize`).
pub struct QuantizeText {
    /// "Your numbers".
    pub your_numbers: &'static str,
    /// How numbers may be pasted.
    pub numbers_help: &'static str,
    /// "scheme".
    pub scheme: &'static str,
    /// "block size".
    pub block_size: &'static str,
    /// "Result".
    pub result: &'static str,
    /// "Step by step".
    pub step_by_step: &'static str,
    /// The heading of the numbers' histogram with the stored values.
    pub histogram: &'static str,
    /// "codes".
    pub codes: &'static str,
    /// "dequantized".
    pub dequantized: &'static str,
    /// "Packed bytes".
    pub packed_bytes: &'static str,
    /// The first bytes shown, and the bytes in all (formatted).
    pub first_bytes: fn(usize, &str) -> String,
    /// Under the trace's export buttons when the trace is longer than an export holds: the
    /// rows it holds (a number with thousands separators).
    pub trace_export_rows: fn(&str) -> String,
    /// A seed article's claim checked: (seed, what it says, what Lowbit computes, the verdict).
    pub claim_note: fn(&str, &str, &str, &str) -> String,
    /// The verdict when Lowbit computes what the article prints.
    pub claim_agrees: &'static str,
    /// What the computed list is: codes, stored values, packed bytes.
    pub claim_facts: [&'static str; 3],
    /// Each claim of `features::quantize::model::ARTICLE_CLAIMS`, in its order: what the
    /// article prints, and where it is wrong and what is right (None when Lowbit agrees).
    pub claims: [(&'static str, Option<&'static str>); 5],
    /// The histogram's title: the count of numbers (with thousands separators).
    pub levels_title: fn(&str) -> String,
    /// The histogram's legend when the scheme stores few values: (scheme, how many).
    pub levels_lines: fn(&str, usize) -> String,
    /// The legend when it stores more than can be drawn as lines: (scheme, the most drawn).
    pub levels_outline: fn(&str, usize) -> String,
    /// The histogram's text summary: (title, low edge, high edge, bins, legend).
    pub levels_summary: fn(&str, &str, &str, usize, &str) -> String,
    /// The packed bytes' columns: byte i, hex, binary, decimal.
    pub byte_columns: [&'static str; 4],
    /// While the worker quantizes new values, by their count (formatted).
    pub quantizing: fn(&str) -> String,
    /// The worker failed, why.
    pub failed: fn(&str) -> String,
    /// Trace rows could not be read, why.
    pub trace_failed: fn(&str) -> String,
    /// The label over a long paste kept out of the box.
    pub held_label: &'static str,
    /// A long paste read: how many numbers (the count, and as formatted) and its size.
    pub held_pasted: fn(usize, &str, &str) -> String,
    /// A long paste being read, by its size.
    pub held_reading: fn(&str) -> String,
    /// A long paste that was refused (the message is under it), by its size.
    pub held_refused: fn(&str) -> String,
    /// "Edit" (the long paste back into the box).
    pub edit: &'static str,
    /// The Edit button's tooltip.
    pub edit_title: &'static str,
    /// "Clear" (the long paste).
    pub clear: &'static str,
    /// The histogram's axis titles: value, count (numbers that are not weights).
    pub histogram_axes: [&'static str; 2],
    /// How a paste was read (`lowbit_jobs::paste::PasteNote`: decimal commas, a lone `a,b`,
    /// text ignored), quoting the paste as it was written.
    pub paste_note: fn(&lowbit_jobs::paste::PasteNote) -> String,
}

/// The Speed view (module `lowbit-speed`).
pub struct BenchText {
    /// The heading.
    pub heading: &'static str,
    /// "elements per operation".
    pub elements: &'static str,
    /// The results' heading.
    pub per_second: &'static str,
    /// The table's columns: operation, format / scheme, block, this browser, native,
    /// browser / native.
    pub columns: [&'static str; 6],
    /// The introduction, before and after `lowbit bench`.
    pub intro: [&'static str; 2],
    /// "Run the bench".
    pub run: &'static str,
    /// The bench could not run, why.
    pub not_measured: fn(&str) -> String,
    /// The elements per operation of the figures shown.
    pub measured_n: fn(usize) -> String,
    /// Where the native figures come from: the machine they were measured on.
    pub native_figures: fn(&str) -> String,
    /// The table's exported columns: operation, format or scheme, block, browser elements/s,
    /// native elements/s, browser / native.
    pub export_columns: [&'static str; 6],
    /// Why the bench stopped when the visitor cancelled it.
    pub cancelled: &'static str,
}

/// Compare formats (module `lowbit-lab`).
pub struct CompareText {
    /// "add" (the picker's label).
    pub add_label: &'static str,
    /// The number line's text summary: (low end, high end, log scale?, the formats' parts).
    pub line_summary: fn(&str, &str, bool, &str) -> String,
    /// One format's part of it: (id, values in view, largest finite value, what overflow gives).
    pub line_part: fn(&str, u64, &str, &str) -> String,
    /// The relative spacing's text summary: (low end, high end, the formats' parts).
    pub spacing_summary: fn(&str, &str, &str) -> String,
    /// One format's part of it: (id, the smallest and the largest relative spacing).
    pub spacing_part: fn(&str, &str, &str) -> String,
    /// A format with no values in the range.
    pub spacing_none: fn(&str) -> String,
    /// "Add" (a custom format).
    pub add: &'static str,
    /// The number line's wheel hint.
    pub wheel_hint: &'static str,
    /// The values' columns: format, code, bits, stored value, error, relative, status.
    pub columns: [&'static str; 7],
    /// The error column's tooltip.
    pub error_title: &'static str,
    /// Headings: where the values lie, relative spacing, limits, one number in every format.
    pub headings: [&'static str; 4],
    /// The picker's accessible name.
    pub add_format: &'static str,
    /// The custom id box's accessible name.
    pub add_custom: &'static str,
    /// The scales: linear, log.
    pub scales: [&'static str; 2],
    /// The zoom buttons' names: zoom in, zoom out, pan left, pan right, show every format whole.
    pub zoom: [&'static str; 5],
    /// The reset button's text.
    pub whole_range: &'static str,
    /// Under "Where the values lie": how to read the number line.
    pub line_hint: &'static str,
    /// Under "Relative spacing": how to read the sawtooth.
    pub spacing_hint: &'static str,
    /// Adding a format when the most are compared, by the most.
    pub too_many: fn(usize) -> String,
    /// Adding a custom format with an empty box.
    pub type_format_id: &'static str,
    /// The number box left empty.
    pub type_a_number: &'static str,
    /// A format chip's remove button, by the format's id.
    pub remove: fn(&str) -> String,
    /// The button beside the number box.
    pub show_button: &'static str,
    /// The value table's caption, by the number shown.
    pub caption: fn(&str) -> String,
    /// The relative error column's tooltip.
    pub relative_title: &'static str,
    /// The limits table's columns after the format: bits, layout, max, min normal, min
    /// positive, epsilon, binades, finite values, ±Inf, NaN codes, overflow.
    pub limit_columns: [&'static str; 11],
    /// A limit the format does not have (its cell's tooltip).
    pub not_defined: &'static str,
    /// The layouts that are not eXmY: integer, unsigned integer, lookup table.
    pub layouts: [&'static str; 3],
    /// Whether the format has ±Inf: yes, no.
    pub yes_no: [&'static str; 2],
    /// What overflow gives (`model::Overflow`): → inf, → NaN, saturates.
    pub overflow: [&'static str; 3],
    /// The conversion flags: exact, inexact, overflow, underflow, invalid.
    pub status: [&'static str; 5],
    /// The value table's exported columns: format, code, hex, bits, stored value, error,
    /// relative error, status.
    pub values_export: [&'static str; 8],
}

/// The MNIST lab (module `lowbit-lab`).
pub struct MnistText {
    /// The heading.
    pub heading: &'static str,
    /// The lead paragraph.
    pub lead: &'static str,
    /// Headings: accuracy and size, accuracy against bits, weights, test digits, draw, train.
    pub headings: [&'static str; 6],
    /// Under the accuracy chart.
    pub scales_hint: &'static str,
    /// A layer histogram's legend when the scheme stores few values: (scheme, how many).
    pub layer_lines: fn(&str, usize) -> String,
    /// The legend when it stores many: (scheme, how many distinct).
    pub layer_outline: fn(&str, usize) -> String,
    /// A layer histogram's text summary: (weights, layer, lowest, highest, bins, legend).
    pub layer_summary: fn(&str, &str, &str, &str, usize, &str) -> String,
    /// One scheme in the accuracy chart's summary: (scheme, accuracy %, bits per parameter).
    pub accuracy_point: fn(&str, &str, &str) -> String,
    /// The accuracy chart's text summary: (schemes, the best scheme's point, the chosen one's).
    pub accuracy_summary: fn(usize, &str, &str) -> String,
    /// Before anything is drawn.
    pub draw_hint: &'static str,
    /// Before the table is scored.
    pub table_wait: &'static str,
    /// The logits' columns: scheme, digit.
    pub logits_columns: [&'static str; 2],
    /// The table's columns: scheme, accuracy, size (seed's count), size with scales,
    /// bits / parameter, multiplies / adds per digit, the article.
    pub table_columns: [&'static str; 7],
    /// The training table's columns: epoch, mean training loss, test accuracy.
    pub train_columns: [&'static str; 3],
    /// The training fields: seed, epochs, learning rate, momentum, batch.
    pub train_fields: [&'static str; 5],
    /// "How: " (the training mode).
    pub how: &'static str,
    /// The QAT layers' label.
    pub qat_layers: &'static str,
    /// The lesson of QAT.
    pub lesson: &'static str,
    /// "Train".
    pub train: &'static str,
    /// "Clear" (the drawing).
    pub clear: &'static str,
    /// The drawing surface's accessible name.
    pub draw_label: &'static str,
    /// The drop zone's text.
    pub drop_hint: &'static str,
    /// "test digit ".
    pub test_digit: &'static str,
    /// The status before the lab is loaded.
    pub status_idle: &'static str,
    /// The status when loaded: the weights' and the digits' names, training and test digits.
    pub status_ready: fn(&str, &str, usize, usize) -> String,
    /// The status when the lab could not be loaded, why.
    pub status_failed: fn(&str) -> String,
    /// While the committed files are fetched.
    pub fetching: &'static str,
    /// While they are loaded into the worker.
    pub loading_worker: &'static str,
    /// The committed weights' name.
    pub seed_weights: &'static str,
    /// The committed digits' name.
    pub seed_digits: &'static str,
    /// The weights' name after training in the page.
    pub trained_here: &'static str,
    /// While the table is scored again.
    pub scoring: &'static str,
    /// Training cancelled, after this many epochs.
    pub cancelled_after: fn(usize) -> String,
    /// Training finished: epochs, seconds (formatted), the scheme.
    pub finished: fn(usize, &str, &str) -> String,
    /// The note under the table: before "training", "training", after it, the accuracy, the sizes.
    pub note: [&'static str; 5],
    /// A layer histogram's axis titles: weight value, weights.
    pub histogram_axes: [&'static str; 2],
    /// The accuracy chart's axis titles: bits per parameter, test accuracy.
    pub accuracy_axes: [&'static str; 2],
    /// The accuracy table's exported columns: scheme, accuracy %, size KB (seed's count),
    /// size KB with scales, bits / parameter, multiplies / digit, adds / digit, integer adds /
    /// digit, article accuracy %, article size KB.
    pub table_export: [&'static str; 10],
    /// The training log's exported columns: epoch, loss, test accuracy (%).
    pub epochs_export: [&'static str; 3],
    /// The predictions' exported columns: scheme, prediction, and a logit by its digit.
    pub logits_export: [&'static str; 2],
    /// A logit's exported column, by its digit.
    pub logit: fn(usize) -> String,
    /// The training modes (`TrainMode`, in its order): PTQ, QAT fine-tuned, QAT from scratch.
    pub modes: [&'static str; 3],
}

/// The GGUF block explorer (module `lowbit-lab`).
pub struct BlockText {
    /// The heading.
    pub heading: &'static str,
    /// Headings: fields, bytes, super-block scales, values.
    pub headings: [&'static str; 4],
    /// Under "Fields".
    pub fields_hint: &'static str,
    /// Under "Values".
    pub values_hint: &'static str,
    /// The scales' columns: sub-block, stored scale, scale, stored min, min.
    pub scale_columns: [&'static str; 5],
    /// The values' columns: element, group, code, level, scale, min, value.
    pub value_columns: [&'static str; 7],
    /// "type ".
    pub type_label: &'static str,
    /// The hex box's label.
    pub bytes_label: &'static str,
    /// "Example block".
    pub example: &'static str,
    /// The packed scales' hint, before and after `scales`.
    pub scales_hint: [&'static str; 2],
    /// How the example block's values are made.
    pub example_text: &'static str,
}

/// The notices about the URL ([`crate::notice::Notice`]): shown by the page's frame, so part of
/// the first view. A `why` is passed in as the core or a parser wrote it.
pub struct NoticeText {
    /// A list's first items and how many more: "a, b and 3 more".
    pub listed: fn(&crate::notice::Listed) -> String,
    /// An unknown view: the value, the valid ids.
    pub unknown_view: fn(&str, &str) -> String,
    /// An unknown parameter.
    pub unknown_parameter: fn(&str) -> String,
    /// An unknown theme.
    pub unknown_theme: fn(&str) -> String,
    /// An unknown language: the value, the valid codes.
    pub unknown_language: fn(&str, &str) -> String,
    /// A flag not 1 or 0: the key, the value.
    pub not_a_flag: fn(&str, &str) -> String,
    /// An unknown format: the value, what is shown.
    pub unknown_format: fn(&str, &str) -> String,
    /// A format refused: why, what is shown.
    pub refused_format: fn(&str, &str) -> String,
    /// A value refused: why, what is shown.
    pub refused: fn(&str, &str) -> String,
    /// A rounding or overflow refused: why.
    pub refused_choice: fn(&str) -> String,
    /// A code refused: why, what is shown instead.
    pub refused_code: fn(&str, &str) -> String,
    /// An unknown signal.
    pub unknown_signal: fn(&str) -> String,
    /// A bad amplitude: the value, the largest, the one used.
    pub bad_amplitude: fn(&str, &str, &str) -> String,
    /// Bad periods: the value, the ones used.
    pub bad_periods: fn(&str, &str) -> String,
    /// Bad samples: the value, the fewest, the most, the ones used.
    pub bad_samples: fn(&str, usize, usize, usize) -> String,
    /// A bad block: the value, the largest, the one used.
    pub bad_block: fn(&str, usize, usize) -> String,
    /// Too many schemes: the most, the ones left out (listed).
    pub too_many_schemes: fn(usize, &str) -> String,
    /// Unknown schemes: how many, the ids (listed), the valid ids.
    pub unknown_schemes: fn(usize, &str, &str) -> String,
    /// The default schemes shown.
    pub default_schemes: fn(&str) -> String,
    /// An unknown error mode.
    pub unknown_error_mode: fn(&str) -> String,
    /// A signal refused: why, the periods used.
    pub signal_refused: fn(&str, &str) -> String,
    /// An unknown scheme: the value, what is shown.
    pub unknown_scheme: fn(&str, &str) -> String,
    /// An unknown scheme for the histogram: the value, what is shown.
    pub unknown_overlay: fn(&str, &str) -> String,
    /// Values not read: why.
    pub bad_values: fn(&str) -> String,
    /// A bad `count`.
    pub bad_count: fn(&str) -> String,
    /// A bad `block` of Quantize.
    pub bad_scheme_block: fn(&str) -> String,
    /// A block the scheme refuses: why.
    pub block_refused: fn(&str) -> String,
    /// The values not in the URL: their count, the most a URL holds.
    pub values_not_in_url: fn(&str, usize) -> String,
    /// The link's values left out: their count, the most a URL holds.
    pub values_left_out: fn(&str, usize) -> String,
    /// Too many formats: the most, the first left out.
    pub too_many_formats: fn(usize, &str) -> String,
    /// A format id refused: why.
    pub refused_format_id: fn(&str) -> String,
    /// No known format: the value, the formats compared instead.
    pub no_known_format: fn(&str, &str) -> String,
    /// An unknown scale.
    pub unknown_scale: fn(&str) -> String,
    /// A bad range.
    pub bad_range: fn(&str) -> String,
    /// A number to compare refused: why (None: nothing typed), what is shown.
    pub bad_value: fn(Option<&str>, &str) -> String,
    /// A log scale without a positive range.
    pub log_needs_positive: &'static str,
    /// Hex refused: why, the type.
    pub bad_hex: fn(&str, &str) -> String,
    /// An unknown MNIST scheme: the value, the valid ids, what is shown.
    pub unknown_mnist_scheme: fn(&str, &str, &str) -> String,
    /// A bad sample: the value, the last test digit, the one shown.
    pub bad_sample: fn(&str, usize, usize) -> String,
    /// A bad `n`: the value, the most, the one used.
    pub bad_elements: fn(&str, usize, usize) -> String,
    /// Why the core refused a format (quoted in the sentences above), from its typed reason;
    /// English writes the core's (the CLI's) words, an unknown id without the list of valid ones.
    pub format_reason: fn(&lowbit_core::FormatError) -> String,
}

/// The tensor files view (module `lowbit-tensors`).
pub struct TensorsText {
    /// The heading.
    pub heading: &'static str,
    /// The introduction.
    pub intro: &'static str,
    /// The file picker's label.
    pub open_file: &'static str,
    /// Beside the picker: dropping works too, nothing is uploaded.
    pub drop_hint: &'static str,
    /// While a file's header is read, by the file's name.
    pub reading_header: fn(&str) -> String,
    /// While a tensor is read: its name and size.
    pub reading_tensor: fn(&str, &str) -> String,
    /// The file's heading: its name, its tensors' count, its kind (`.npy`) and size.
    pub file_heading: fn(&str, usize, &str, &str) -> String,
    /// The tensor list's accessible name.
    pub list_label: &'static str,
    /// The tensor list's columns: tensor, dtype, shape, elements, size.
    pub list_columns: [&'static str; 5],
    /// The histogram's heading, by the tensor's name.
    pub values_of: fn(&str) -> String,
    /// The overlay picker's label, before the scheme.
    pub stored_values_of: &'static str,
    /// The ranking's heading, by the tensor's name.
    pub every_scheme_on: fn(&str) -> String,
    /// Under the ranking's heading.
    pub ranking_hint: &'static str,
    /// The ranking table's accessible name.
    pub ranking_label: &'static str,
    /// The ranking's columns: #, scheme, SQNR, MSE, max |error|, bits / element, clipped.
    pub ranking_columns: [&'static str; 7],
    /// A scheme button's tooltip.
    pub overlay_title: &'static str,
    /// An SQNR without error (lossless).
    pub exact: &'static str,
    /// "Rank again".
    pub rank_again: &'static str,
    /// The ranking failed, why.
    pub ranking_failed: fn(&str) -> String,
    /// The ranking was cancelled.
    pub ranking_cancelled: &'static str,
    /// Schemes the ranking left out, and why (joined).
    pub not_ranked: fn(&str) -> String,
    /// A tensor without elements, by its name.
    pub no_elements: fn(&str) -> String,
    /// Values rounded to f32: how many, of how many, of which dtype.
    pub not_f32: fn(usize, usize, &str) -> String,
    /// Values left out because they are NaN or ±Inf, by their count.
    pub nonfinite: fn(usize) -> String,
    /// A tensor too large to read: its name, its elements and the most the page reads.
    pub too_large: fn(&str, u64, u64) -> String,
    /// A refused file: its name, what kind of problem, the reader's detail.
    pub refused: fn(&str, &str, &str) -> String,
    /// The kinds of refusal: wrong magic, header too long, bad header, unknown dtype, bytes
    /// outside the data, bad offsets, size mismatch, inexact, too large.
    pub error_kinds: [&'static str; 9],
    /// The overlay's legend before the ranking has run.
    pub levels_waiting: &'static str,
    /// The overlay's legend: a scheme and its number of stored values (drawn as lines).
    pub levels_lines: fn(&str, usize) -> String,
    /// The overlay's legend: a scheme with more distinct stored values than drawn as lines.
    pub levels_outline: fn(&str, usize) -> String,
    /// The histogram's text summary: values, tensor, lowest, highest, bins, the legend.
    pub histogram_summary: fn(u64, &str, &str, &str, usize, &str) -> String,
    /// The histogram's axis titles: value, count (numbers that are not weights).
    pub histogram_axes: [&'static str; 2],
    /// The ranking's exported columns: rank, scheme, SQNR dB, MSE, max |error|, bits /
    /// element, clipped.
    pub ranking_export: [&'static str; 7],
    /// The tensor list's exported columns: tensor, dtype, shape, elements, bytes.
    pub list_export: [&'static str; 5],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_back_and_tags_name_their_language() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
        assert_eq!(Lang::parse(" RU "), Some(Lang::Ru));
        assert_eq!(Lang::parse("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::parse("de_AT"), Some(Lang::De));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("russian"), None);
    }

    #[test]
    fn the_browser_s_first_supported_language_wins() {
        assert_eq!(Lang::from_browser(&["fr-FR", "ru-RU", "en"]), Lang::Ru);
        assert_eq!(Lang::from_browser(&["de-CH", "ru"]), Lang::De);
        assert_eq!(Lang::from_browser(&["fr", "ja"]), Lang::En);
        assert_eq!(Lang::from_browser::<&str>(&[]), Lang::En);
    }

    #[test]
    fn every_language_translates_the_views_and_parameterised_texts() {
        for l in Lang::ALL {
            let c = l.chrome();
            for v in View::ALL {
                assert!(!c.views.of(v).is_empty(), "{l:?} {v:?}");
            }
            assert!((c.loading)("X").contains('X'), "{l:?}");
            let failed = (c.load_failed)("X", "why");
            assert!(failed.contains('X') && failed.contains("why"), "{l:?}");
            assert!((l.explorer().show_all_digits)(767).contains("767"), "{l:?}");
            assert!((l.explorer().custom_summary)(12, "e5m6").contains("e5m6"), "{l:?}");
        }
        // Russian is Russian.
        assert_eq!(Lang::Ru.chrome().views.quantize, "Квантование");
        assert_ne!(Lang::Ru.explorer().value, Lang::En.explorer().value);
    }

    #[test]
    fn every_table_is_translated_and_no_english_sentence_is_left() {
        // Complete: every table is a struct, so a missing field is a compile error; here, no
        // English text of 3 words or more stays in the Russian or German tables, and every
        // English sentence is there for the end-to-end test to look for.
        let sentences = audit::english_sentences(include_str!("en.rs"));
        assert!(sentences.len() > 100, "{}", sentences.len());
        for (name, source) in [("ru", include_str!("ru.rs")), ("de", include_str!("de.rs"))] {
            // German shares the Latin letters: there, a run counts when an English function
            // word is in it.
            let left = audit::english_left(source, name == "de", &sentences);
            assert!(left.is_empty(), "{name}: English left in {left:?}");
        }
    }

    #[test]
    fn every_catalogue_format_is_described_in_every_language() {
        for l in Lang::ALL {
            for (entry, (id, summary)) in lowbit_core::CATALOGUE.iter().zip(l.format_summaries()) {
                assert_eq!(entry.id(), *id, "{l:?}: the catalogue's order");
                assert!(!summary.trim().is_empty(), "{l:?} {id}");
                assert_eq!(l.format_summary(id), Some(*summary));
            }
        }
        // English is the core's (the CLI's) line, word for word.
        for entry in lowbit_core::CATALOGUE {
            assert_eq!(Lang::En.format_summary(entry.id()), Some(entry.summary()), "{}", entry.id());
        }
        assert_eq!(Lang::Ru.format_summary("float8_e4m3fn"), Some("OCP FP8 E4M3: без Inf, NaN только в S.1111.111"));
        assert_eq!(Lang::Ru.format_summary("e5m7"), None);
    }

    #[test]
    fn every_gguf_type_and_field_is_described_in_every_language() {
        for l in Lang::ALL {
            let w = l.block_words();
            for info in &lowbit_core::gguf::TYPES {
                let summary = (w.type_summary)(info.id).unwrap_or_else(|| panic!("{l:?}: no summary of {}", info.id));
                if l == Lang::En {
                    assert_eq!(summary, info.summary, "English is the core's line");
                }
                for f in info.fields {
                    let what = (w.field_what)(info.id, f.name).unwrap_or_else(|| panic!("{l:?}: no text for {} {}", info.id, f.name));
                    if l == Lang::En {
                        assert_eq!(what, f.what, "{} {}", info.id, f.name);
                    }
                }
            }
            assert_eq!((w.type_summary)("q9_z"), None);
            assert_eq!((w.field_what)("q4_k", "hmask"), None, "{l:?}: q4_k has no hmask");
        }
        assert_eq!((Lang::Ru.block_words().facts)("q4_k", 256, 144, "4.5"), "q4_k: 256 элементов в 144 байтах, 4.5 бит на элемент");
        assert_eq!((Lang::Ru.block_words().span)(4, 15), "байты 4–15");
    }

    #[test]
    fn the_worker_s_stages_read_in_every_language_with_their_numbers() {
        use lowbit_jobs::protocol::Stage;
        let stages = [
            Stage::Starting,
            Stage::ReadingPaste("1.2 MB".into()),
            Stage::Generating(1048576),
            Stage::QuantizingSignal("nf4".into()),
            Stage::Quantizing { values: 4, scheme: "int4_absmax".into() },
            Stage::MeasuringError,
            Stage::Ranking,
            Stage::MakingValues(65536),
            Stage::Timing { format: true, subject: "float8_e4m3fn".into() },
            Stage::Timing { format: false, subject: "q4_k".into() },
            Stage::Scoring("nf4".into()),
            Stage::Training { epoch: 2, epochs: 4, batch: 31, batches: 250 },
            Stage::ScoringEpoch { epoch: 3, digits: 2000 },
            Stage::Done,
        ];
        for s in &stages {
            let en = (Lang::En.chrome().stage)(s);
            if *s != Stage::Starting {
                assert_eq!(en, s.to_string(), "English is the stage's own wording");
            }
            for l in [Lang::Ru, Lang::De] {
                let text = (l.chrome().stage)(s);
                assert_ne!(text, en, "{l:?}: {s:?} translated");
                let digits = |t: &str| t.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(String::from).collect::<Vec<_>>();
                assert_eq!(digits(&text), digits(&en), "{l:?}: the same numbers, written the same way: {text}");
            }
        }
        assert_eq!((Lang::Ru.chrome().stage)(&stages[4]), "квантование 4 чисел схемой int4_absmax");
    }

    #[test]
    fn the_quantizers_remarks_read_in_every_language_with_their_numbers() {
        use lowbit_core::quant::Remark as R;
        let remarks = [
            R::DefaultsUsed("block 7".into()),
            R::Unsupported("x".into()),
            R::Clipped(3, 12),
            R::TernaryCodes,
            R::BinaryCodes,
            R::AbsMeanNonFinite,
            R::DoubleQuant { offset: 0.25, saved: 0.373 },
            R::ZeroBlocks(2),
            R::BnbNan,
            R::BnbInfBlock,
            R::ScaledCast { max: 448.0, format: "float8_e4m3fn".into() },
            R::DirectCast { rounding: "nearest-even".into(), overflow: "saturate".into() },
            R::GgufOneRow("q4_k".into(), 300, 600, 256),
            R::GgufPadded(4, 28, 32),
            R::GroupNonFinite(1, 2),
            R::MeanStdThreshold(2.5),
            R::ZeroPointInt32,
            R::Outliers { threshold: 6.0, columns: vec![1, 5] },
            R::Outliers { threshold: 6.0, columns: vec![] },
            R::RowScales(2, 4),
            R::NoMxKernel,
            R::MxScale { ceil: false, emax: 2, max: 6.0 },
            R::MxScale { ceil: true, emax: 8, max: 448.0 },
            R::MxClipped(3),
            R::MxNanBlocks(1),
            R::Nvfp4Needs,
            R::TwoLevel { divisor: 2688.0, p: 0.5, max: 6.0, eps: 0.015625, top: 448.0 },
            R::SingleLevel { max: 6.0, eps: 0.015625, top: 448.0 },
            R::Nvfp4Special(6.0),
        ];
        // English is the core's Display, which the CLI prints (unchanged wording).
        assert_eq!(
            Lang::En.remark(&R::GgufPadded(4, 28, 32)),
            "4 input(s) padded with 28 zero(s) to whole blocks of 32 (ggml refuses a partial block)"
        );
        assert_eq!(Lang::En.remark(&R::Clipped(3, 12)), "3 of 12 inputs were clipped to the element's range");
        let digits = |t: &str| {
            let mut d: Vec<String> =
                t.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(String::from).collect();
            d.sort();
            d
        };
        for r in &remarks {
            let en = Lang::En.remark(r);
            assert_eq!(en, r.to_string());
            for l in [Lang::Ru, Lang::De] {
                let text = l.remark(r);
                assert_ne!(text, en, "{l:?}: {r:?} translated");
                assert!(!audit::is_english_sentence(&text, l == Lang::De), "{l:?}: English left in {text}");
                assert_eq!(digits(&text), digits(&en), "{l:?}: the same numbers: {text}");
            }
        }
        assert_eq!(
            Lang::Ru.remark(&R::ZeroPointInt32),
            "нулевая точка хранится как 32-битное целое (она может лежать вне диапазона элемента)"
        );
    }

    #[test]
    fn russian_plurals_follow_the_count() {
        let form = |n| ru_plural(n, "тензор", "тензора", "тензоров");
        for (n, expected) in [(0, "тензоров"), (1, "тензор"), (2, "тензора"), (4, "тензора"), (5, "тензоров"), (11, "тензоров"), (12, "тензоров"), (21, "тензор"), (22, "тензора"), (111, "тензоров"), (1001, "тензор")] {
            assert_eq!(form(n), expected, "{n}");
        }
        assert_eq!((Lang::Ru.tensors().file_heading)("w.safetensors", 3, ".safetensors", "1 KiB"), "w.safetensors: 3 тензора (.safetensors, 1 KiB)");
        assert_eq!((Lang::En.tensors().file_heading)("w.npy", 1, ".npy", "1 KiB"), "w.npy: 1 tensor (.npy, 1 KiB)");
    }

    #[test]
    fn numbers_read_the_same_in_every_language() {
        // The texts with numbers put them in as given: no decimal comma, no other digits.
        for l in Lang::ALL {
            assert!((l.explorer().show_all_digits)(1074).contains("1074"), "{l:?}");
            assert!((l.explorer().custom_summary)(16, "e8m7").contains("16"), "{l:?}");
        }
    }
}
