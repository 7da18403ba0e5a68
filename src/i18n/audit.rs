//! The English-sentence finder the language checks share: the native test of the tables
//! (`i18n::tests`: no English sentence left in the Russian or German tables) and the
//! end-to-end test `crates/lowbit-e2e/tests/lang.rs` (no English table sentence on a Russian
//! page). Pure: it reads a table file's source text, as `include_str!` gives it.

/// The string literals of a table file's source, each split at its `{…}` placeholders and
/// trimmed (comment lines skipped, blank parts left out).
pub fn literal_parts(source: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut literal = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => literal.push(chars.next().unwrap_or(' ')),
                    '"' => break,
                    c => literal.push(c),
                }
            }
            let mut part = String::new();
            let mut depth = 0;
            for c in literal.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        parts.push(std::mem::take(&mut part));
                    }
                    '}' => depth -= 1,
                    c if depth == 0 => part.push(c),
                    _ => {}
                }
            }
            parts.push(part);
        }
    }
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// The longest run of English-looking words (Latin letters only, ≥ 2 of them, some lower
/// case: acronyms such as MNIST are names) in `text`; a comma ends a run (a list of names,
/// "sine, ramp, noise", is no sentence).
pub fn english_run(text: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| ",.:;()'’!?—–-…".contains(c));
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic()) && word.chars().any(|c| c.is_ascii_lowercase()) {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
        if raw.ends_with(',') {
            run = 0;
        }
    }
    best
}

/// Whether `text` has one of English's commonest function words (none of them German).
pub fn has_english_word(text: &str) -> bool {
    const WORDS: [&str; 14] = ["the", "of", "and", "is", "are", "with", "to", "this", "that", "from", "not", "by", "its", "it"];
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether `text` reads as an English sentence: a run of 3 English-looking words or more;
/// for German (`latin_language`, which shares the letters) only when one of the words is an
/// English function word too.
pub fn is_english_sentence(text: &str, latin_language: bool) -> bool {
    english_run(text) >= 3 && (!latin_language || has_english_word(text))
}

/// The English table's sentences (each text of 3 English words or more of `en_source`,
/// split at its placeholders), sorted and without repeats: what a page in another language
/// must not show.
pub fn english_sentences(en_source: &str) -> Vec<String> {
    let mut sentences: Vec<String> = literal_parts(en_source).into_iter().filter(|p| english_run(p) >= 3).collect();
    sentences.sort();
    sentences.dedup();
    sentences
}

/// What is left in English in another language's table: each of its texts (split at the
/// placeholders) that reads as an English sentence ([`is_english_sentence`]) or equals one
/// of `english` ([`english_sentences`] of the English table). Empty when all is translated.
pub fn english_left(source: &str, latin_language: bool, english: &[String]) -> Vec<String> {
    literal_parts(source).into_iter().filter(|p| is_english_sentence(p, latin_language) || english.contains(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_found_and_names_are_not() {
        assert_eq!(literal_parts("x: \"a {n} b\",\n    // \"comment\"\n y: \"c\\\"d\""), ["a", "b", "c\"d"]);
        assert!(is_english_sentence("the value is exact", false));
        assert!(!is_english_sentence("sine, ramp, noise", false));
        assert!(!is_english_sentence("MNIST FP8 E4M3", false));
        assert!(!is_english_sentence("значение точно", false));
        assert!(!is_english_sentence("Die Werte sind genau", true));
        assert!(is_english_sentence("Die values of it", true));
        let english = english_sentences(r#"a: "the stored value", b: "the stored value", c: "x""#);
        assert_eq!(english, ["the stored value"]);
        assert_eq!(english_left(r#"a: "хранимое значение", b: "the stored value""#, false, &english), ["the stored value"]);
    }
}
