//! Property tests (the fuzz target of the tensor readers, run in the test command): arbitrary
//! bytes, and mutations of valid files, never panic; whatever is accepted is consistent (its
//! byte ranges lie in the file and its values decode to its element count).

use lowbit_tensors::write::{npy, safetensors};
use lowbit_tensors::{open, read_values};
use proptest::prelude::*;

/// `default` cases in the test command; `LOWBIT_SOAK_CASES` for a soak (scripts/soak.sh).
fn cases(default: u32) -> u32 {
    std::env::var("LOWBIT_SOAK_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

fn valid_npy() -> Vec<u8> {
    npy(1, "<f4", true, "(2, 2)", &lowbit_tensors::write::f32_bytes(&[1.0, 2.0, 3.0, 4.0]))
}

fn valid_safetensors() -> Vec<u8> {
    safetensors(r#"{"a":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"F8_E5M2","shape":[2,2],"data_offsets":[4,8]}}"#, &[0x80, 0x3F, 0x00, 0xC0, 1, 2, 3, 4])
}

fn check(name: &str, bytes: &[u8]) {
    if let Ok(file) = open(name, bytes) {
        for t in &file.tensors {
            assert!(t.bytes.start <= t.bytes.end && t.bytes.end <= bytes.len() as u64, "{t:?}");
            if let Ok(values) = read_values(bytes, t) {
                assert_eq!(values.len() as u64, t.elements(), "{t:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(3000)))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300), npy in any::<bool>()) {
        check(if npy { "f.npy" } else { "f.safetensors" }, &bytes);
        let mut prefixed = if npy { b"\x93NUMPY".to_vec() } else { (bytes.len() as u64).to_le_bytes().to_vec() };
        prefixed.extend(&bytes);
        check("f", &prefixed);
    }

    #[test]
    fn mutated_files_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6), cut in any::<prop::sample::Index>(), npy in any::<bool>()) {
        let mut file = if npy { valid_npy() } else { valid_safetensors() };
        for (at, byte) in edits {
            let i = at.index(file.len());
            file[i] = byte;
        }
        check("m", &file);
        let cut = cut.index(file.len() + 1);
        check("m", &file[..cut]);
    }
}

#[test]
fn the_valid_seeds_are_read() {
    assert_eq!(read_values(&valid_npy(), &open("v.npy", &valid_npy()).unwrap().tensors[0]).unwrap(), [1.0, 3.0, 2.0, 4.0]);
    let st = valid_safetensors();
    let f = open("v.safetensors", &st).unwrap();
    assert_eq!(read_values(&st, &f.tensors[0]).unwrap(), [1.0, -2.0]);
}
