//! What the block explorer shows, as data: one GGUF block's bytes laid out by field (the type's
//! field table, [`lowbit_core::gguf::TypeInfo::fields`]), what every bit holds
//! ([`lowbit_core::gguf::bit_role`]), the stored sub-block scales and mins of the k-quants, and
//! the block's values as [`lowbit_core::gguf::dequantize`] gives them. Nothing about a layout
//! is typed here: every position comes from the core's one description per type.

use lowbit_core::decimal::js_string;
use lowbit_core::gguf::{self, half, BitRole, GgufType, GroupScale};

pub use super::params::{parse_block, parse_type, BlockParams, DEFAULT_TYPE};
use crate::export::Table;
use crate::i18n::{BlockWords, Lang};
use crate::text::f32_js;

/// The example input of a block of `t` (described by the block table's `example_text`): a sine of period 32 whose amplitude
/// grows across the block, so that each sub-block of a k-quant gets its own scale.
pub fn example_input(t: GgufType) -> Vec<f32> {
    let n = t.block_elements();
    (0..n)
        .map(|k| {
            let amplitude = 0.25 + 0.75 * k as f64 / n as f64;
            (amplitude * (2.0 * std::f64::consts::PI * k as f64 / 32.0).sin()) as f32
        })
        .collect()
}

/// The example block of `t`: [`example_input`] quantized as ggml does.
pub fn example_block(t: GgufType) -> Vec<u8> {
    gguf::quantize(t, &example_input(t))
}

/// The bytes with bit `index` (= 8 · byte + bit, bit 0 the least significant) flipped.
pub fn toggle_bit(bytes: &[u8], index: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if let Some(b) = out.get_mut(index / 8) {
        *b ^= 1 << (index % 8);
    }
    out
}

/// What the user picked to look at: a field (its bytes light up) or an element (its code bits
/// and the scale bits it depends on light up).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A field of the block, by ggml's name.
    Field(&'static str),
    /// An element of the block.
    Element(usize),
}

/// One bit of the block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BitCell {
    /// `data-index`: 8 · byte + bit.
    pub index: usize,
    /// Its bit in the byte (0 = least significant).
    pub bit: u32,
    /// Whether it is set (`aria-pressed`).
    pub on: bool,
    /// The short label (`q17.2`, `s3.5`, `d.15`).
    pub label: String,
    /// What it is, for the tooltip and screen readers.
    pub title: String,
    /// The CSS class of its role (`role-half`, `role-scale`, `role-min`, `role-code`, …).
    pub class: &'static str,
}

/// One byte of the block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ByteCell {
    /// `data-index`: its offset in the block.
    pub index: usize,
    /// The byte.
    pub value: u8,
    /// "7f".
    pub hex: String,
    /// The field it belongs to.
    pub field: &'static str,
    /// Its bits, most significant first.
    pub bits: Vec<BitCell>,
}

/// One field of the block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldRow {
    /// ggml's name (`data-field`).
    pub name: &'static str,
    /// "bytes 4–15".
    pub span: String,
    /// What the bytes hold (the core's field table).
    pub what: &'static str,
    /// Its value where it is one number (`d`: "0x2a1f = 0.0483"), or a summary.
    pub value: String,
}

/// One element of the block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ValueRow {
    /// `data-index`.
    pub index: usize,
    /// Its group (k-quants: sub-block).
    pub group: usize,
    /// The stored code.
    pub code: i32,
    /// The level the code stands for (before the scale).
    pub level: String,
    /// The group's effective scale.
    pub scale: String,
    /// The group's min ("" without).
    pub min: String,
    /// The value, as the page writes it.
    pub value: String,
    /// `data-value`: JavaScript's `String(v)` of the f32 value.
    pub value_attr: String,
}

/// One sub-block of a k-quant: its stored scale (and min) and what they give.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SubRow {
    /// The sub-block.
    pub sub: usize,
    /// The stored scale, read bit by bit through the roles (q3_k: before −32; q6_k: int8).
    pub stored_scale: i64,
    /// The stored min (types with mins).
    pub stored_min: Option<i64>,
    /// The effective scale d · sc (q3_k: d · (sc − 32)).
    pub scale: String,
    /// The effective min −dmin · m.
    pub min: Option<String>,
}

/// Everything the view shows for one block.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockDisplay {
    /// The type.
    pub t: GgufType,
    /// "q4_k: 256 elements in 144 bytes, 4.5 bits per element".
    pub facts: String,
    /// The type's one-line summary.
    pub summary: &'static str,
    /// The bytes in hex.
    pub hex: String,
    /// The fields, in order.
    pub fields: Vec<FieldRow>,
    /// Every byte.
    pub bytes: Vec<ByteCell>,
    /// The bytes of the k-quants' `scales` field (the super-block diagram); empty otherwise.
    pub scale_bytes: Vec<ByteCell>,
    /// The k-quants' sub-blocks; empty otherwise.
    pub subs: Vec<SubRow>,
    /// Every element.
    pub values: Vec<ValueRow>,
}

/// The CSS class of a role.
fn role_class(role: &BitRole) -> &'static str {
    match role {
        BitRole::Half { field: "d", .. } => "role-half",
        BitRole::Half { .. } => "role-half-min",
        BitRole::E8m0 { .. } => "role-half",
        BitRole::SubScale { .. } => "role-scale",
        BitRole::SubMin { .. } => "role-min",
        BitRole::Code { .. } => "role-code",
        BitRole::Trits { .. } => "role-trits",
    }
}

fn byte_cell(t: GgufType, bytes: &[u8], index: usize, words: &BlockWords) -> ByteCell {
    let value = bytes.get(index).copied().unwrap_or(0);
    let field = t.info().fields.iter().find(|f| (f.offset..f.offset + f.len).contains(&index)).map_or("", |f| f.name);
    let bits = (0..8u32)
        .rev()
        .map(|bit| {
            let role = gguf::bit_role(t, index, bit);
            BitCell {
                index: 8 * index + bit as usize,
                bit,
                on: (value >> bit) & 1 == 1,
                label: role.map(|r| r.label()).unwrap_or_default(),
                title: role.map(|r| (words.bit_title)(index, bit, &r)).unwrap_or_default(),
                class: role.as_ref().map_or("", role_class),
            }
        })
        .collect();
    ByteCell { index, value, hex: format!("{value:02x}"), field, bits }
}

/// The stored scale and min of every sub-block, assembled bit by bit from the roles.
fn stored_sub_values(t: GgufType, bytes: &[u8]) -> (Vec<i64>, Vec<i64>) {
    let subs = t.block_elements() / t.info().group;
    let (mut sc, mut mn) = (vec![0i64; subs], vec![0i64; subs]);
    for (index, &b) in bytes.iter().enumerate() {
        for bit in 0..8 {
            if (b >> bit) & 1 == 0 {
                continue;
            }
            match gguf::bit_role(t, index, bit) {
                Some(BitRole::SubScale { sub, bit }) if sub < subs => sc[sub] |= 1 << bit,
                Some(BitRole::SubMin { sub, bit }) if sub < subs => mn[sub] |= 1 << bit,
                _ => {}
            }
        }
    }
    if t == GgufType::Q6K {
        for s in &mut sc {
            *s = *s as u8 as i8 as i64;
        }
    }
    (sc, mn)
}

fn is_k_quant(t: GgufType) -> bool {
    matches!(t, GgufType::Q2K | GgufType::Q3K | GgufType::Q4K | GgufType::Q5K | GgufType::Q6K)
}

/// A field's value: the f16 fields as bits and value, E8M0 as its power of two, the k-quants'
/// scales as the stored integers, the codes as a count.
fn field_value(t: GgufType, bytes: &[u8], name: &'static str, offset: usize, len: usize, subs: &(Vec<i64>, Vec<i64>), words: &BlockWords) -> String {
    let list = |v: &[i64]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ");
    match name {
        "d" | "m" | "dmin" if len == 2 => {
            let h = u16::from_le_bytes([bytes[offset], bytes[offset + 1]]);
            format!("0x{h:04x} = {}", f32_js(half::f16_to_f32(h)))
        }
        "e" => {
            let e = bytes[offset] as i32;
            (words.e8m0)(e, e - 127, e - 128)
        }
        "scales" if is_k_quant(t) => match t {
            GgufType::Q2K | GgufType::Q4K | GgufType::Q5K => (words.scales[0])(&list(&subs.0), &list(&subs.1)),
            GgufType::Q3K => (words.scales[1])(&list(&subs.0), ""),
            _ => (words.scales[2])(&list(&subs.0), ""),
        },
        _ => (words.bytes)(len),
    }
}

/// The values table as a file: one row per element, the min column only for types with mins,
/// the value as JavaScript prints the f32.
///
/// Its column names are the view's, in the language of `t`.
pub fn values_export(rows: &[ValueRow], has_min: bool, t: &crate::i18n::BlockText) -> Table {
    let c = &t.value_columns;
    let mut headers = vec![c[0], c[1], c[2], c[3], c[4]];
    if has_min {
        headers.push(c[5]);
    }
    headers.push(c[6]);
    Table {
        headers: headers.into_iter().map(String::from).collect(),
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![r.index.to_string(), r.group.to_string(), r.code.to_string(), r.level.clone(), r.scale.clone()];
                if has_min {
                    row.push(r.min.clone());
                }
                row.push(r.value_attr.clone());
                row
            })
            .collect(),
    }
}

/// The sub-blocks table of a k-quant as a file.
///
/// Its column names are the view's, in the language of `t`.
pub fn subs_export(rows: &[SubRow], t: &crate::i18n::BlockText) -> Table {
    Table {
        headers: t.scale_columns.map(String::from).to_vec(),
        rows: rows
            .iter()
            .map(|s| {
                vec![
                    s.sub.to_string(),
                    s.stored_scale.to_string(),
                    s.scale.clone(),
                    s.stored_min.map(|m| m.to_string()).unwrap_or_default(),
                    s.min.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

/// Everything the view shows for `p`, its words in `lang`.
pub fn display(p: &BlockParams, lang: Lang) -> BlockDisplay {
    let words = lang.block_words();
    let t = p.t;
    let info = t.info();
    let bytes = &p.bytes;
    // A block of the wrong length never reaches here (the params refuse it); read zeros then.
    let whole: Vec<u8> = (0..t.block_bytes()).map(|i| bytes.get(i).copied().unwrap_or(0)).collect();
    let values = gguf::dequantize(t, &whole).unwrap_or_default();
    let codes = gguf::codes(t, &whole).unwrap_or_default();
    let scales: Vec<GroupScale> = gguf::scales(t, &whole).unwrap_or_default();
    let subs = stored_sub_values(t, &whole);
    let fields = info
        .fields
        .iter()
        .map(|f| FieldRow {
            name: f.name,
            span: (words.span)(f.offset, f.offset + f.len - 1),
            what: (words.field_what)(t.id(), f.name).unwrap_or(f.what),
            value: field_value(t, &whole, f.name, f.offset, f.len, &subs, words),
        })
        .collect();
    let all_bytes: Vec<ByteCell> = (0..t.block_bytes()).map(|i| byte_cell(t, &whole, i, words)).collect();
    let scale_bytes = match info.fields.iter().find(|f| f.name == "scales") {
        Some(f) if is_k_quant(t) => all_bytes[f.offset..f.offset + f.len].to_vec(),
        _ => Vec::new(),
    };
    let sub_rows = if is_k_quant(t) {
        scales
            .iter()
            .enumerate()
            .map(|(sub, g)| SubRow {
                sub,
                stored_scale: subs.0[sub],
                stored_min: g.min.map(|_| subs.1[sub]),
                scale: f32_js(g.scale),
                min: g.min.map(f32_js),
            })
            .collect()
    } else {
        Vec::new()
    };
    let group = info.group;
    let value_rows = values
        .iter()
        .enumerate()
        .map(|(index, &v)| {
            let g = scales.get(index / group).copied().unwrap_or(GroupScale { scale: f32::NAN, min: None });
            let code = codes.get(index).copied().unwrap_or(0);
            ValueRow {
                index,
                group: index / group,
                code,
                level: f32_js(t.level(code)),
                scale: f32_js(g.scale),
                min: g.min.map(f32_js).unwrap_or_default(),
                value: f32_js(v),
                value_attr: js_string(v as f64),
            }
        })
        .collect();
    BlockDisplay {
        t,
        facts: (words.facts)(t.id(), t.block_elements(), t.block_bytes(), &t.bits_per_element().to_string()),
        summary: (words.type_summary)(t.id()).unwrap_or(info.summary),
        hex: gguf::to_hex(&whole),
        fields,
        bytes: all_bytes,
        scale_bytes,
        subs: sub_rows,
        values: value_rows,
    }
}

/// Whether bit `index` is part of what `selection` picks: the field's bytes, or for an element
/// its code bits (tq1_0: its byte of trits) and the bits of the scales it depends on (d, dmin,
/// its sub-block's scale and min, E8M0).
pub fn bit_selected(t: GgufType, index: usize, selection: Option<Selection>) -> bool {
    let (byte, bit) = (index / 8, (index % 8) as u32);
    match selection {
        None => false,
        Some(Selection::Field(name)) => t.info().fields.iter().any(|f| f.name == name && (f.offset..f.offset + f.len).contains(&byte)),
        Some(Selection::Element(e)) => gguf::bit_role(t, byte, bit).is_some_and(|r| r.elements(t).contains(&e)),
    }
}

/// The types the picker offers: (id, summary in `lang`).
pub fn type_choices(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let words = lang.block_words();
    GgufType::ALL.iter().map(|t| (t.id(), (words.type_summary)(t.id()).unwrap_or(t.info().summary))).collect()
}

/// The row a key moves the selection to among `count` rows: ↓/↑ one row (from nothing: the
/// first or the last), Home and End the ends; None for other keys or no rows.
pub fn next_row(key: &str, current: Option<usize>, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (key, current) {
        ("ArrowDown", Some(i)) => Some((i + 1).min(last)),
        ("ArrowUp", Some(i)) => Some(i.saturating_sub(1).min(last)),
        ("ArrowDown", None) | ("Home", _) => Some(0),
        ("ArrowUp", None) | ("End", _) => Some(last),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_meaningful_and_documented() {
        for t in GgufType::ALL {
            let p = BlockParams::example(t);
            let d = display(&p, Lang::En);
            assert_eq!(d.bytes.len(), t.block_bytes());
            assert_eq!(d.values.len(), t.block_elements());
            assert!(d.values.iter().any(|v| v.value != "0"), "{}", t.id());
            // The values are the core's dequantization of the bytes.
            let expected = gguf::dequantize(t, &p.bytes).unwrap();
            for (row, v) in d.values.iter().zip(&expected) {
                assert_eq!(row.value_attr, js_string(*v as f64));
            }
            // Every bit has a role and the bits read back the bytes.
            for b in &d.bytes {
                assert_eq!(b.bits.len(), 8);
                assert!(b.bits.iter().all(|c| !c.label.is_empty() && !c.class.is_empty()), "{} byte {}", t.id(), b.index);
                let back = b.bits.iter().fold(0u8, |acc, c| acc | ((c.on as u8) << c.bit));
                assert_eq!(back, b.value);
            }
            assert_eq!(d.fields.len(), t.info().fields.len());
            assert_eq!(!d.subs.is_empty(), is_k_quant(t));
        }
        // The sine's sub-blocks get different scales in q4_k.
        let d = display(&BlockParams::example(GgufType::Q4K), Lang::En);
        assert_eq!(d.subs.len(), 8);
        assert_eq!(d.scale_bytes.len(), 12);
        assert!(d.subs.windows(2).any(|w| w[0].stored_scale != w[1].stored_scale));
        assert!(d.facts.contains("4.5 bits per element"));
        for lang in crate::i18n::Lang::ALL {
            assert!(lang.block().example_text.contains("sin(2π k / 32)"), "{lang:?}");
        }
        // The exports: every element, the min column only where the type has mins.
        let values = values_export(&d.values, true, Lang::En.block());
        assert_eq!(values_export(&d.values, true, Lang::Ru.block()).headers, Lang::Ru.block().value_columns);
        assert_eq!(values.headers, ["element", "group", "code", "level", "scale", "min", "value"]);
        assert_eq!(values.rows.len(), 256);
        assert_eq!(values.rows[5][6], d.values[5].value_attr);
        let q8 = display(&BlockParams::example(GgufType::Q8_0), Lang::En);
        let plain = values_export(&q8.values, false, Lang::En.block());
        assert_eq!((plain.headers.len(), plain.rows.len()), (6, 32));
        let subs = subs_export(&d.subs, Lang::En.block());
        assert_eq!(subs.rows.len(), 8);
        assert_eq!(subs.rows[0][1], d.subs[0].stored_scale.to_string());
    }

    #[test]
    fn toggling_a_scale_bit_changes_the_values_as_the_core_says() {
        let p = BlockParams::example(GgufType::Q4K);
        // Bit 0 of byte 4: bit 0 of sub-block 0's 6-bit scale.
        let role = gguf::bit_role(GgufType::Q4K, 4, 0).unwrap();
        assert_eq!(role, BitRole::SubScale { sub: 0, bit: 0 });
        let flipped = BlockParams { t: p.t, bytes: toggle_bit(&p.bytes, 8 * 4) };
        let (a, b) = (display(&p, Lang::En), display(&flipped, Lang::En));
        assert_eq!(b.subs[0].stored_scale, a.subs[0].stored_scale ^ 1);
        let expected = gguf::dequantize(p.t, &flipped.bytes).unwrap();
        for (i, (row, v)) in b.values.iter().zip(&expected).enumerate() {
            assert_eq!(row.value_attr, js_string(*v as f64));
            if i >= 32 {
                assert_eq!(row.value_attr, a.values[i].value_attr, "only sub-block 0 changes");
            }
        }
        assert!((0..32).any(|i| a.values[i].value_attr != b.values[i].value_attr));
        assert_eq!(toggle_bit(&toggle_bit(&p.bytes, 37), 37), p.bytes);
    }

    #[test]
    fn selections_light_up_fields_and_elements() {
        let t = GgufType::Q4K;
        // d is bytes 0-1: bits 0..16.
        assert!((0..16).all(|i| bit_selected(t, i, Some(Selection::Field("d")))));
        assert!(!bit_selected(t, 16, Some(Selection::Field("d"))));
        // Element 40 (sub-block 1): its code nibble, d, dmin and sub-block 1's scale and min bits.
        let lit: Vec<usize> = (0..8 * t.block_bytes()).filter(|&i| bit_selected(t, i, Some(Selection::Element(40)))).collect();
        assert_eq!(lit.len(), 16 + 16 + 6 + 6 + 4);
        assert!(!bit_selected(t, 0, None));
        let d = display(&BlockParams::example(t), Lang::En);
        assert!(d.fields[0].value.starts_with("0x") && d.fields[0].value.contains(" = "));
    }

    #[test]
    fn arrows_move_the_selection_within_the_rows() {
        assert_eq!(next_row("ArrowDown", Some(3), 32), Some(4));
        assert_eq!(next_row("ArrowDown", Some(31), 32), Some(31));
        assert_eq!(next_row("ArrowUp", Some(0), 32), Some(0));
        assert_eq!(next_row("ArrowUp", Some(40), 32), Some(31), "a selection past a shorter block");
        assert_eq!(next_row("ArrowDown", None, 32), Some(0));
        assert_eq!(next_row("End", Some(2), 32), Some(31));
        assert_eq!(next_row("Home", None, 32), Some(0));
        assert_eq!(next_row("a", Some(2), 32), None);
        assert_eq!(next_row("ArrowDown", Some(0), 0), None);
    }
}
