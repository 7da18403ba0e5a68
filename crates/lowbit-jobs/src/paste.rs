//! Reading numbers the way people paste them into the Quantize view (on the page for a short
//! text, in the compute worker for a long one: [`PasteJob`], the same parser and messages
//! either way): plain lists separated by
//! whitespace, commas, semicolons or new lines; Python and JSON lists (`[1.0, 2.0]`, nested
//! brackets flattened); printed tensors and arrays (`tensor([…])`, `np.array([…])`,
//! `array([…], dtype=float32)`: the call names and every `name=value` argument are ignored);
//! and decimal commas where the numbers are separated by `;`, tabs or new lines.
//!
//! The rules, precisely (README, *Quantize*):
//!
//! - A **chunk** is a run of characters other than whitespace, `;` and the brackets `[ ] ( )`
//!   (a quoted string inside stays whole). A chunk is **decimal-comma shaped** when it is
//!   `[+-]digits,digits` with an optional exponent (`0,5`, `-12,25e-3`).
//! - **Decimal commas** are read when the text has no brackets, has at least one `;`, tab or
//!   new line, and every chunk holding a comma is decimal-comma shaped (`0,5; 1,25` → 0.5,
//!   1.25; a spreadsheet cell `0,5⏎` → 0.5). A note lists what was read.
//! - Otherwise commas separate numbers (`1,2,3,4` is four numbers, as the URL contract needs).
//! - A **tight pair** is two numbers joined by one bare comma that could be one number with a
//!   decimal comma: an integer left of it, digits (and an optional exponent) right of it
//!   (`0,5` in `0,5 1,25`). A paste is **ambiguous**, and refused with a message naming the
//!   pair and what to write instead, when
//!   1. it holds a tight pair and somewhere else separates numbers by spaces alone
//!      (`0,5 1,25`) or by a comma with whitespace (`[-0,5, 0,3, 1,2]` as seed 002 prints a list
//!      with decimal commas; `0,5,⏎1,25`) — brackets, call names and arguments between two
//!      numbers do not count, nor do `;`, tabs and new lines without a comma — or
//!   2. it has `;`, tabs or new lines and no brackets, and one chunk is decimal-comma shaped
//!      while another chunk holds a comma used as a separator (`1,5⏎2,3,4`).
//!
//!   So a paste is never split into more numbers than it holds without either a bare-comma
//!   list (the URL's own form) or a note: the one remaining case, a whole text that is a single
//!   tight pair (`0,5`), is read as two numbers with a note saying how to write 0.5.
//!
//! Pure and natively tested (unit tests here, property tests in the app's tests/fuzz_parsers.rs).

use serde::{Deserialize, Serialize};

use crate::text::shorten;

/// The most numbers the view quantizes (2^20: the quantize job's limit,
/// [`crate::quantize::MAX_VALUES`]).
pub const MAX_VALUES: usize = crate::quantize::MAX_VALUES;

/// What a paste reads as: the numbers and the visible notes on how they were read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pasted {
    /// The numbers, as f32 (each decimal rounded once, to nearest even).
    #[serde(with = "crate::wire::f32s")]
    pub values: Vec<f32>,
    /// What is shown under the box: decimal commas read, arguments ignored, a lone `0,5`
    /// read as two numbers. Empty for plain lists.
    pub notes: Vec<PasteNote>,
}

/// A note on how a paste was read, typed so the page words it in its language (`Display`
/// writes the English sentence); the texts it quotes are shortened as the paste had them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PasteNote {
    /// Numbers read with decimal commas: the first ones as (written, read), and whether more
    /// were.
    DecimalCommas {
        /// Up to three numbers as written and as read (`0,5` → `0.5`).
        read: Vec<(String, String)>,
        /// More were read than listed.
        more: bool,
    },
    /// A lone `a,b` read as two numbers, a and b.
    TwoNumbers(String, String),
    /// Text that is not a number, ignored: the first pieces, and whether there was more.
    Ignored {
        /// Up to three pieces.
        shown: Vec<String>,
        /// More were ignored than listed.
        more: bool,
    },
}

impl std::fmt::Display for PasteNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PasteNote::DecimalCommas { read, more } => {
                let mut listed: Vec<String> = read.iter().map(|(a, b)| format!("{a} → {b}")).collect();
                if *more {
                    listed.push("…".into());
                }
                write!(f, "Read with decimal commas: {} (';', tabs or new lines separate the numbers, so a comma between digits is a decimal comma).", listed.join(", "))
            }
            PasteNote::TwoNumbers(a, b) => write!(
                f,
                "'{a},{b}' is read as two numbers, {a} and {b}: commas separate numbers. For one number write {a}.{b}, or {a},{b}; with a semicolon to read the comma as a decimal comma."
            ),
            PasteNote::Ignored { shown, more } => {
                write!(f, "Ignored: {}{} (the numbers are read as written, into f32).", shown.join(", "), if *more { ", …" } else { "" })
            }
        }
    }
}

impl PasteNote {
    /// Whether the English sentence contains `text`.
    pub fn contains(&self, text: &str) -> bool {
        self.to_string().contains(text)
    }
}

/// Read a pasted text in the compute worker (a text longer than
/// [`crate::placement::MAIN_THREAD_MAX_TEXT_BYTES`]: a million numbers are ~10 MB, which
/// take seconds to read). Answered at once, like a trace window: it does not supersede a
/// running quantize job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PasteJob {
    /// The text as pasted.
    pub text: String,
    /// Above this many numbers the worker keeps them and answers with their count only
    /// ([`PasteOutcome::kept`]); a later quantize job names this job instead of sending them
    /// back ([`crate::quantize::QuantizePastedJob`]). None: the numbers come back whatever
    /// their count.
    pub keep_over: Option<usize>,
}

/// A [`PasteJob`] borrowing its text: the page sends a long paste it keeps without copying
/// it first (encoded byte for byte as the [`PasteJob`] with that text).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PasteJobRef<'a> {
    /// The text as pasted.
    pub text: &'a str,
    /// As [`PasteJob::keep_over`].
    pub keep_over: Option<usize>,
}

/// What a [`PasteJob`] read: the numbers and notes, or the parser's message (a refused text
/// is the user's input error, not a failure of the worker).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PasteOutcome {
    /// [`read_pasted`]'s answer.
    pub read: Result<Pasted, String>,
    /// The text's size in bytes of UTF-8.
    pub bytes: usize,
    /// How many numbers the worker keeps for later jobs (more than the job's
    /// [`PasteJob::keep_over`]); `read`'s values are then empty (its notes stay). None: the
    /// numbers are in `read`.
    pub kept: Option<usize>,
}

impl PasteOutcome {
    /// How many numbers the text read as (kept by the worker or not); None when it was refused.
    pub fn count(&self) -> Option<usize> {
        match (&self.read, self.kept) {
            (Ok(_), Some(kept)) => Some(kept),
            (Ok(p), None) => Some(p.values.len()),
            (Err(_), _) => None,
        }
    }
}

/// Runs a [`PasteJob`] and gives back the numbers to keep, when the job asks to keep them
/// (more than [`PasteJob::keep_over`]): the outcome then holds their count
/// ([`PasteOutcome::kept`]), not the numbers.
pub fn read_paste_job(job: &PasteJob) -> (PasteOutcome, Option<Vec<f32>>) {
    let mut outcome = PasteOutcome { read: read_pasted(&job.text), bytes: job.text.len(), kept: None };
    let keep = match (&mut outcome.read, job.keep_over) {
        (Ok(p), Some(max)) if p.values.len() > max => Some(std::mem::take(&mut p.values)),
        _ => None,
    };
    outcome.kept = keep.as_ref().map(Vec::len);
    (outcome, keep)
}

/// Reads a paste (see the module's rules). The error names the first token that is not a
/// number, or the ambiguous spot and what to write instead.
pub fn read_pasted(text: &str) -> Result<Pasted, String> {
    let scan = scan(text);
    if let Some(e) = scan.error {
        return Err(e);
    }
    let mut notes = Vec::new();
    // Whether each chunk is decimal-comma shaped, and which are.
    let is_shaped: Vec<bool> = scan.chunks.iter().map(|c| decimal_comma_shaped(c)).collect();
    let shaped: Vec<usize> = (0..scan.chunks.len()).filter(|&c| is_shaped[c]).collect();
    let comma_chunks = scan.chunks.iter().filter(|c| c.contains(',')).count();
    // The numbers: each cell's (read once, while scanning), or a decimal-comma chunk's.
    let mut values: Vec<f32> = Vec::new();
    if !scan.brackets && scan.strong && !shaped.is_empty() {
        if comma_chunks > shaped.len() {
            let separating = scan.chunks.iter().find(|c| c.contains(',') && !decimal_comma_shaped(c)).map_or("", |c| c);
            let decimal = scan.chunks[shaped[0]];
            return Err(format!(
                "'{}' could be one number with a decimal comma (';', tabs or new lines separate the numbers here), but in '{}' commas separate numbers. Write {} with a decimal point, or use commas one way only",
                shorten(decimal),
                shorten(separating),
                shorten(&decimal.replace(',', "."))
            ));
        }
        // Decimal commas: each shaped chunk is one number.
        values.reserve(scan.cells.len());
        let mut read = Vec::new();
        let mut more = false;
        let mut i = 0;
        while i < scan.cells.len() {
            let cell = &scan.cells[i];
            if is_shaped[cell.chunk] && scan.cells.get(i + 1).is_some_and(|n| n.chunk == cell.chunk) {
                let chunk = scan.chunks[cell.chunk];
                let word = chunk.replace(',', ".");
                if read.len() < 3 {
                    read.push((shorten(chunk), shorten(&word)));
                } else {
                    more = true;
                }
                values.push(number(&word)?);
                i += 2;
            } else {
                values.push(scan.values[i]);
                i += 1;
            }
        }
        notes.push(PasteNote::DecimalCommas { read, more });
    } else {
        if let Some(at) = tight_pair(&scan.cells, 0) {
            if let Some(gap) = scan.cells.iter().skip(1).position(|c| c.gap.loose()) {
                let (a, b) = (scan.cells[at].text, scan.cells[at + 1].text);
                let other = &scan.cells[gap + 1];
                let apart = other.gap.describe();
                return Err(format!(
                    "'{a},{b}' could be one number with a decimal comma or two numbers, and {apart} also separate numbers here. Write {a}.{b} for one number or '{a}, {b}' for two; to paste decimal commas, separate the numbers with ';' or new lines ({a},{b}; …)",
                    a = shorten(a),
                    b = shorten(b)
                ));
            }
            let whole = !scan.brackets && !scan.strong && scan.cells.len() == 2 && scan.chunks.len() == 1;
            if whole {
                let (a, b) = (scan.cells[0].text, scan.cells[1].text);
                notes.push(PasteNote::TwoNumbers(shorten(a), shorten(b)));
            }
        }
        values = scan.values;
    }
    if !scan.ignored.is_empty() {
        let shown: Vec<String> = scan.ignored.iter().take(3).map(|s| shorten(s)).collect();
        notes.push(PasteNote::Ignored { shown, more: scan.ignored.len() > 3 });
    }
    if values.len() > MAX_VALUES {
        return Err(format!("{} numbers: at most {MAX_VALUES} are quantized here (the CLI takes any count)", values.len()));
    }
    Ok(Pasted { values, notes })
}

/// One word as a number: Rust's parser (decimal and exponent notation, `inf`, `infinity`,
/// `nan` in any case; no hex) after turning the minus sign `−` (U+2212) into `-`.
fn number(word: &str) -> Result<f32, String> {
    let ascii;
    let text = if word.contains('\u{2212}') {
        ascii = word.replace('\u{2212}', "-");
        ascii.as_str()
    } else {
        word
    };
    text.parse::<f32>().map_err(|_| {
        if text == "..." || text == "…" {
            "'...': the list was shortened when it was printed; print it whole (numpy: np.set_printoptions(threshold=sys.maxsize); torch: torch.set_printoptions(profile='full'))".to_string()
        } else {
            format!("'{}' is not a number", shorten(word))
        }
    })
}

/// What lies between two numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Gap {
    /// Commas.
    commas: u32,
    /// Spaces (whitespace other than tabs and new lines).
    space: bool,
    /// A `;`, tab or new line.
    strong: bool,
    /// A bracket, a call name or an ignored argument.
    structure: bool,
}

impl Gap {
    /// Exactly one bare comma.
    fn bare_comma(self) -> bool {
        self == Gap { commas: 1, ..Gap::default() }
    }

    /// A separator that makes a bare comma elsewhere suspect: spaces alone (`0,5 1,25`), or a
    /// comma with whitespace (`0,5, 1,25`; `0,5,⏎1,25`). Brackets, call names and arguments
    /// make a gap structural, never loose.
    fn loose(self) -> bool {
        !self.structure && (if self.commas > 0 { self.space || self.strong } else { self.space && !self.strong })
    }

    /// What a loose gap is, for a message.
    fn describe(self) -> &'static str {
        match (self.commas > 0, self.strong) {
            (true, true) => "a comma before a new line, tab or ';'",
            (true, false) => "', ' (a comma and a space)",
            _ => "spaces",
        }
    }
}

/// One number-to-be: its text (borrowed from the paste: a million numbers are not copied
/// one by one), the chunk it came from and what precedes it.
#[derive(Clone, Debug)]
struct Cell<'a> {
    text: &'a str,
    chunk: usize,
    gap: Gap,
}

/// The text taken apart.
#[derive(Debug, Default)]
struct Scan<'a> {
    cells: Vec<Cell<'a>>,
    /// Each cell read as a number (filled while every cell reads; see `error`).
    values: Vec<f32>,
    chunks: Vec<&'a str>,
    ignored: Vec<String>,
    brackets: bool,
    strong: bool,
    error: Option<String>,
}

/// The first tight pair at or after cell `from`: its left cell's index.
fn tight_pair(cells: &[Cell<'_>], from: usize) -> Option<usize> {
    (from..cells.len().saturating_sub(1)).find(|&i| {
        let (a, b) = (&cells[i], &cells[i + 1]);
        a.chunk == b.chunk && b.gap.bare_comma() && integer(a.text) && fraction(b.text)
    })
}

/// `[+-]digits` (the minus may be U+2212).
fn integer(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-', '\u{2212}']).unwrap_or(s);
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit())
}

/// `digits` with an optional exponent `e[+-]digits`.
fn fraction(s: &str) -> bool {
    let (digits, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    all_digits(digits) && exponent.is_none_or(|e| all_digits(e.strip_prefix(['+', '-']).unwrap_or(e)))
}

/// `[+-]digits,digits[e[+-]digits]`.
fn decimal_comma_shaped(chunk: &str) -> bool {
    match chunk.split_once(',') {
        Some((a, b)) => integer(a) && fraction(b),
        None => false,
    }
}

/// `name` or `np.array`: a call's name.
fn identifier_path(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// `name=value` (an argument): Some(value).
fn keyword(piece: &str) -> Option<&str> {
    let (name, value) = piece.split_once('=')?;
    identifier_path(name).then_some(value)
}

/// The lexical items of a paste.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item<'a> {
    Open,
    Close,
    Blank(char),
    Chunk(&'a str),
}

/// Brackets, blanks (whitespace and `;`) and chunks; quotes keep their content in the chunk.
/// An iterator: a million numbers are read in one pass, never held as a list of items.
fn lex(text: &str) -> impl Iterator<Item = Item<'_>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let &(start, c) = chars.peek()?;
        let single = match c {
            '[' | '(' => Some(Item::Open),
            ']' | ')' => Some(Item::Close),
            c if c.is_whitespace() || c == ';' => Some(Item::Blank(c)),
            _ => None,
        };
        if let Some(item) = single {
            chars.next();
            return Some(item);
        }
        let mut end = start;
        let mut quote: Option<char> = None;
        while let Some(&(i, c)) = chars.peek() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '\'' || c == '"' => quote = Some(c),
                None if c.is_whitespace() || matches!(c, ';' | '[' | ']' | '(' | ')') => break,
                None => {}
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some(Item::Chunk(&text[start..end]))
    })
}

/// A chunk's comma-separated pieces (commas inside quotes do not split), into `out` (cleared
/// first: one buffer serves every chunk of a long paste).
fn pieces<'a>(chunk: &'a str, out: &mut Vec<&'a str>) {
    out.clear();
    let (mut start, mut quote) = (0, None::<char>);
    for (i, c) in chunk.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == ',' => {
                out.push(&chunk[start..i]);
                start = i + 1;
            }
            None => {}
        }
    }
    out.push(&chunk[start..]);
}

/// Takes the text apart into number cells, dropping call names and `name=value` arguments
/// (with a bracketed value, its whole group).
fn scan(text: &str) -> Scan<'_> {
    let mut items = lex(text).peekable();
    let mut scan = Scan::default();
    let mut gap = Gap::default();
    let mut depth = 0usize;
    // While skipping an argument's bracketed value: the depth its group closes back to.
    let mut skipping: Option<usize> = None;
    let mut parts = Vec::new();
    while let Some(item) = items.next() {
        match item {
            Item::Open => {
                scan.brackets = true;
                gap.structure = true;
                depth += 1;
            }
            Item::Close => {
                scan.brackets = true;
                gap.structure = true;
                depth = depth.saturating_sub(1);
                if skipping == Some(depth) {
                    skipping = None;
                }
            }
            Item::Blank(c) => {
                if matches!(c, ';' | '\t' | '\n' | '\r') {
                    gap.strong = true;
                    scan.strong = true;
                } else {
                    gap.space = true;
                }
            }
            Item::Chunk(_) if skipping.is_some() => {}
            Item::Chunk(chunk) => {
                let opens = items.peek() == Some(&Item::Open);
                pieces(chunk, &mut parts);
                let id = scan.chunks.len();
                scan.chunks.push(chunk);
                let last = parts.len() - 1;
                for (p, &piece) in parts.iter().enumerate() {
                    if p > 0 {
                        gap.commas += 1;
                    }
                    if piece.is_empty() {
                        continue;
                    }
                    if let Some(value) = keyword(piece).filter(|_| depth > 0) {
                        gap.structure = true;
                        scan.ignored.push(if value.is_empty() && p == last && opens { format!("{piece}(…)") } else { piece.to_string() });
                        if value.is_empty() && p == last && opens {
                            skipping = Some(depth);
                        }
                        continue;
                    }
                    if p == last && opens && identifier_path(piece) {
                        // A call's name: `tensor(`, `np.array(`.
                        gap.structure = true;
                        continue;
                    }
                    if scan.error.is_none() {
                        match number(piece) {
                            Ok(v) => scan.values.push(v),
                            Err(e) => scan.error = Some(e),
                        }
                    }
                    scan.cells.push(Cell { text: piece, chunk: id, gap: std::mem::take(&mut gap) });
                }
            }
        }
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f32> {
        read_pasted(text).unwrap_or_else(|e| panic!("{text:?}: {e}")).values
    }

    #[test]
    fn plain_lists_python_json_and_printed_tensors() {
        assert_eq!(values("1, 2\n3 4,,5"), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(values("1,2,3,4"), [1.0, 2.0, 3.0, 4.0], "the URL's form");
        assert_eq!(values("[1.0, 2.0]"), [1.0, 2.0]);
        assert_eq!(values("[[1,2],[3,4]]"), [1.0, 2.0, 3.0, 4.0], "nested brackets flattened");
        assert_eq!(values("tensor([0.5000, -1.2500])"), [0.5, -1.25]);
        assert_eq!(values("np.array([1.5, 2.5], dtype=np.float32)"), [1.5, 2.5]);
        assert_eq!(values("torch.tensor([[1., 2.],\n        [3., 4.]], dtype=torch.float16, device='cuda:0', requires_grad=True)"), [1.0, 2.0, 3.0, 4.0]);
        assert_eq!(values("array([[ 0.1,  0.2],\n       [ 0.3,  0.4]], dtype=float32)"), [0.1, 0.2, 0.3, 0.4]);
        assert_eq!(values("tensor([1.0000e+00, 2.5000e-01], grad_fn=<AddBackward0>)"), [1.0, 0.25]);
        assert_eq!(values("[[1 2]\n [3 4]]"), [1.0, 2.0, 3.0, 4.0], "numpy's print");
        assert_eq!(values("np.array([1, 2], shape=(2, 3))"), [1.0, 2.0], "an argument's bracketed value is skipped whole");
        assert_eq!(values("−0.5 −2"), [-0.5, -2.0], "the minus sign");
        assert_eq!(values("1;2;3"), [1.0, 2.0, 3.0]);
        assert_eq!(values("1.5\t2.5\n3.5"), [1.5, 2.5, 3.5]);
        assert_eq!(values("1,2,3\n4,5,6"), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "CSV rows: no chunk is one decimal-comma number");
        assert_eq!(values("[1,2] [3,4]"), [1.0, 2.0, 3.0, 4.0]);
        assert_eq!(values(""), Vec::<f32>::new());
        assert_eq!(values("[]"), Vec::<f32>::new());
        let notes = read_pasted("np.array([1.5], dtype=np.float32)").unwrap().notes;
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("dtype=np.float32"), "{notes:?}");
        assert!(read_pasted("[1.0, 2.0]").unwrap().notes.is_empty());
    }

    #[test]
    fn decimal_commas_only_between_strong_separators() {
        let p = read_pasted("0,5; 1,25").unwrap();
        assert_eq!(p.values, [0.5, 1.25]);
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].contains("0,5 → 0.5") && p.notes[0].contains("1,25 → 1.25"), "{:?}", p.notes);
        assert_eq!(values("0,5\t1,25\n-2,1e-3"), [0.5, 1.25, -2.1e-3]);
        assert_eq!(values("0,5\n"), [0.5], "a spreadsheet cell");
        assert_eq!(values("1,2\n3,4"), [1.2, 3.4]);
        assert_eq!(values("0,5; 1.5; 2"), [0.5, 1.5, 2.0], "points and integers beside decimal commas");
        assert_eq!(values("0,5 1,25\n2"), [0.5, 1.25, 2.0]);
        // Brackets: Python's syntax, commas separate.
        assert_eq!(values("[0,5\n1,25]"), [0.0, 5.0, 1.0, 25.0]);
    }

    #[test]
    fn ambiguous_pastes_are_refused_with_what_to_write() {
        let e = read_pasted("0,5 1,25").unwrap_err();
        assert!(e.contains("'0,5'") && e.contains("0.5") && e.contains("'0, 5'") && e.contains(';'), "{e}");
        let e = read_pasted("[-0,5, 0,3, 1,2, -2,1]").unwrap_err();
        assert!(e.contains("'-0,5'") && e.contains("-0.5") && e.contains("comma and a space"), "{e}");
        assert!(read_pasted("1 2,5").is_err());
        assert!(read_pasted("0,5, 1").is_err());
        assert!(read_pasted("1, 2,3").is_err());
        let e = read_pasted("1,5\n2,3,4").unwrap_err();
        assert!(e.contains("'1,5'") && e.contains("'2,3,4'") && e.contains("1.5"), "{e}");
        assert!(read_pasted("0,5; 1, 2").is_err());
        // Not ambiguous: a point on the left, or only one kind of separator.
        assert_eq!(values("1.5,2.5 3"), [1.5, 2.5, 3.0]);
        assert_eq!(values("1,2,3\n4"), [1.0, 2.0, 3.0, 4.0]);
        assert_eq!(values("1,2,3\n  4,5,6"), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "indented CSV rows");
        // A comma with a new line separates, so a bare comma elsewhere may be a decimal one.
        let e = read_pasted("0; 0; 0,5,\n1").unwrap_err();
        assert!(e.contains("'0,5'") && e.contains("a comma before a new line"), "{e}");
        assert!(read_pasted("1,2,\n3,4").is_err());
    }

    #[test]
    fn a_lone_comma_pair_is_two_numbers_with_a_note() {
        let p = read_pasted("0,5").unwrap();
        assert_eq!(p.values, [0.0, 5.0]);
        assert!(p.notes[0].contains("two numbers") && p.notes[0].contains("0.5"), "{:?}", p.notes);
        assert!(read_pasted("1,2,3").unwrap().notes.is_empty());
        assert!(read_pasted("[0,5]").unwrap().notes.is_empty(), "a bracketed list is Python's");
    }

    #[test]
    fn bad_tokens_are_named() {
        assert_eq!(read_pasted("1 2 x3").unwrap_err(), "'x3' is not a number");
        assert!(read_pasted("[1, 2, ..., 9]").unwrap_err().contains("print it whole"));
        assert!(read_pasted("0x10").is_err());
        assert!(read_pasted("'1.5'").is_err());
        assert_eq!(read_pasted("x=1").unwrap_err(), "'x=1' is not a number", "arguments only inside a call");
        assert!(read_pasted(&"1 ".repeat(MAX_VALUES + 1)).unwrap_err().contains("at most"));
        assert!(read_pasted("inf -inf nan").unwrap().values[2].is_nan());
    }
}
