//! Two 4-bit codes per byte, in either nibble order.

/// Which nibble holds the FIRST of two consecutive elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NibbleOrder {
    /// First element in the high nibble (bitsandbytes: `q[2j] << 4 | q[2j+1]`).
    HighFirst,
    /// First element in the low nibble (PyTorch `float4_e2m1fn_x2`, OCP MX libraries, torchao).
    LowFirst,
}

/// Packs 4-bit codes (only the low 4 bits of each are used); an odd count pads the last byte
/// with `pad`.
pub fn pack_nibbles(codes: &[u8], order: NibbleOrder, pad: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(codes.len().div_ceil(2));
    let mut pairs = codes.chunks_exact(2);
    for pair in &mut pairs {
        out.push(join(pair[0], pair[1], order));
    }
    if let [last] = pairs.remainder() {
        out.push(join(*last, pad, order));
    }
    out
}

/// Unpacks `n` 4-bit codes (n ≤ 2 × bytes; missing bytes read as 0).
pub fn unpack_nibbles(packed: &[u8], n: usize, order: NibbleOrder) -> Vec<u8> {
    (0..n)
        .map(|i| {
            let byte = packed.get(i / 2).copied().unwrap_or(0);
            let first = i % 2 == 0;
            match (order, first) {
                (NibbleOrder::HighFirst, true) | (NibbleOrder::LowFirst, false) => byte >> 4,
                _ => byte & 0x0F,
            }
        })
        .collect()
}

#[inline(always)]
fn join(first: u8, second: u8, order: NibbleOrder) -> u8 {
    match order {
        NibbleOrder::HighFirst => (first & 0x0F) << 4 | (second & 0x0F),
        NibbleOrder::LowFirst => (second & 0x0F) << 4 | (first & 0x0F),
    }
}
