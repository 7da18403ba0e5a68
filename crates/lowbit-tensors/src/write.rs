//! Writers of small `.npy` and `.safetensors` files, byte for byte as NumPy and the
//! `safetensors` library lay them out: the test files of this crate, the app's component tests
//! and the end-to-end tests are built here, once, and read back by the readers above.

/// A `.npy` file of format `version` (1, 2 or 3) with the given header fields and data: the
/// header dictionary `{'descr': …, 'fortran_order': …, 'shape': …, }` padded with spaces and a
/// newline so that the data starts at a multiple of 64 bytes, as NumPy writes it. `shape` is
/// the Python tuple as text (`"(2, 3)"`, `"(4,)"`, `"()"`). Bytes are written as given, so a
/// caller can also build a malformed file on purpose.
pub fn npy(version: u8, descr: &str, fortran_order: bool, shape: &str, data: &[u8]) -> Vec<u8> {
    let dict = format!("{{'descr': '{descr}', 'fortran_order': {}, 'shape': {shape}, }}", if fortran_order { "True" } else { "False" });
    // Magic (6), version (2) and the header's length: 2 bytes in version 1, 4 after.
    let prelude = if version == 1 { 10 } else { 12 };
    let mut header = dict.into_bytes();
    while !(prelude + header.len() + 1).is_multiple_of(64) {
        header.push(b' ');
    }
    header.push(b'\n');
    let mut out = super::npy::MAGIC.to_vec();
    out.extend([version, 0]);
    if version == 1 {
        out.extend((header.len() as u16).to_le_bytes());
    } else {
        out.extend((header.len() as u32).to_le_bytes());
    }
    out.extend(header);
    out.extend(data);
    out
}

/// A version-1 `.npy` file of one dimension of little-endian `f32` values (`<f4`).
pub fn npy_f32(values: &[f32]) -> Vec<u8> {
    npy(1, "<f4", false, &format!("({},)", values.len()), &f32_bytes(values))
}

/// A `.safetensors` file: the JSON `header`'s length as a little-endian `u64`, the header,
/// then `data` (the header's offsets count from the data's start).
pub fn safetensors(header: &str, data: &[u8]) -> Vec<u8> {
    let mut out = (header.len() as u64).to_le_bytes().to_vec();
    out.extend(header.as_bytes());
    out.extend(data);
    out
}

/// `values` as little-endian bytes, one after the other.
pub fn f32_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{open, read_values};

    #[test]
    fn written_files_read_back_with_their_data_aligned_to_64_bytes() {
        for version in 1..=3 {
            let file = npy(version, "<f4", false, "(3,)", &f32_bytes(&[1.0, -2.5, 0.25]));
            assert_eq!((file.len() - 12) % 64, 0, "version {version}: data at {}", file.len() - 12);
            let opened = open("x.npy", &file).unwrap();
            assert_eq!(read_values(&file, &opened.tensors[0]).unwrap(), [1.0, -2.5, 0.25]);
        }
        let file = safetensors(r#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, &f32_bytes(&[3.0, 4.0]));
        let opened = open("x.safetensors", &file).unwrap();
        assert_eq!(opened.tensors[0].name, "w");
        assert_eq!(read_values(&file, &opened.tensors[0]).unwrap(), [3.0, 4.0]);
        assert_eq!(npy_f32(&[1.0, 2.0]), npy(1, "<f4", false, "(2,)", &f32_bytes(&[1.0, 2.0])));
    }
}
