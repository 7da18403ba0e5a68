//! Small `.npy` and `.safetensors` files built here, byte by byte as NumPy and the
//! `safetensors` library write them, read back; and malformed ones refused with a message
//! naming the problem.

use lowbit_tensors::write::{f32_bytes as f32s, npy, safetensors};
use lowbit_tensors::{open, read_values, ByteOrder, Dtype, ErrorKind, FileKind, TensorError};

fn refused(name: &str, file: &[u8]) -> TensorError {
    match open(name, file) {
        Ok(f) => match f.tensors.iter().map(|t| read_values(file, t)).find_map(Result::err) {
            Some(e) => e,
            None => panic!("{name} was read: {f:?}"),
        },
        Err(e) => e,
    }
}

#[test]
fn npy_versions_orders_and_dtypes() {
    let data = f32s(&[1.0, -2.5, 3.25, 0.0, 1e-3, 7.0]);
    for version in [1, 2, 3] {
        let file = npy(version, "<f4", false, "(2, 3)", &data);
        let f = open("w.npy", &file).unwrap();
        assert_eq!(f.kind, FileKind::Npy);
        let t = &f.tensors[0];
        assert_eq!((t.name.as_str(), t.dtype, t.shape_text(), t.order), ("w.npy", Dtype::F32, "2,3".to_string(), ByteOrder::Little));
        assert_eq!(read_values(&file, t).unwrap(), [1.0, -2.5, 3.25, 0.0, 1e-3f32 as f64, 7.0]);
    }
    // Big-endian f8, and Fortran order read back in C order: [[1, 2, 3], [4, 5, 6]] stored by
    // columns is 1 4 2 5 3 6.
    let be: Vec<u8> = [1.0f64, 4.0, 2.0, 5.0, 3.0, 6.0].iter().flat_map(|v| v.to_be_bytes()).collect();
    let file = npy(1, ">f8", true, "(2, 3)", &be);
    let t = &open("a.npy", &file).unwrap().tensors[0];
    assert_eq!((t.dtype, t.order, t.fortran), (Dtype::F64, ByteOrder::Big, true));
    assert_eq!(read_values(&file, t).unwrap(), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    // f2, i1, u1, a scalar, an empty array, a 1-tuple.
    let file = npy(1, "<f2", false, "(2,)", &[0x00, 0x3C, 0x00, 0xC0]);
    assert_eq!(read_values(&file, &open("h.npy", &file).unwrap().tensors[0]).unwrap(), [1.0, -2.0]);
    let file = npy(1, "|i1", false, "(3,)", &[0x80, 0xFF, 0x7F]);
    assert_eq!(read_values(&file, &open("i.npy", &file).unwrap().tensors[0]).unwrap(), [-128.0, -1.0, 127.0]);
    let file = npy(1, "|u1", false, "()", &[200]);
    let t = &open("u.npy", &file).unwrap().tensors[0];
    assert_eq!((t.shape.len(), t.shape_text(), read_values(&file, t).unwrap()), (0, String::new(), vec![200.0]));
    let file = npy(1, "<f4", false, "(0, 5)", &[]);
    assert!(read_values(&file, &open("e.npy", &file).unwrap().tensors[0]).unwrap().is_empty());
}

#[test]
fn safetensors_tensors_in_data_order() {
    // Listed out of order in the JSON (allowed): read in the order of their data.
    let mut data = f32s(&[0.5, -1.0]);
    data.extend([0x80, 0x3F, 0x00, 0xC0]); // bf16 1, -2
    data.extend([0x7E, 0xFE, 0x38]); // e4m3fn 448, -448, 1
    data.extend([0x7B, 0x3C]); // e5m2 57344, 1
    data.extend([0xFF, 0x01]); // i8 -1, 1
    data.extend([0x00, 0x3C]); // f16 1
    data.extend(2.0f64.to_le_bytes());
    let header = r#"{"__metadata__":{"format":"pt"},
        "z":{"dtype":"F64","shape":[1],"data_offsets":[17,25]},
        "a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},
        "b":{"dtype":"BF16","shape":[1,2],"data_offsets":[8,12]},
        "c":{"dtype":"F8_E4M3","shape":[3],"data_offsets":[12,15]},
        "d":{"dtype":"F8_E5M2","shape":[2,1],"data_offsets":[15,17]}}"#;
    // Rebuild: z's offsets after everything else.
    let header = header.replace("[17,25]", "[23,31]").replace(
        r#""d":{"dtype":"F8_E5M2","shape":[2,1],"data_offsets":[15,17]}"#,
        r#""d":{"dtype":"F8_E5M2","shape":[2,1],"data_offsets":[15,17]},"e":{"dtype":"I8","shape":[2],"data_offsets":[17,19]},"f":{"dtype":"F16","shape":[],"data_offsets":[19,21]},"g":{"dtype":"U8","shape":[2],"data_offsets":[21,23]}"#,
    );
    data.splice(21..21, [0u8, 255]);
    let file = safetensors(&header, &data);
    let f = open("m.safetensors", &file).unwrap();
    assert_eq!(f.kind, FileKind::Safetensors);
    let names: Vec<&str> = f.tensors.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e", "f", "g", "z"]);
    let values: Vec<Vec<f64>> = f.tensors.iter().map(|t| read_values(&file, t).unwrap()).collect();
    assert_eq!(values[0], [0.5, -1.0]);
    assert_eq!(values[1], [1.0, -2.0]);
    assert_eq!(values[2], [448.0, -448.0, 1.0]);
    assert_eq!(values[3], [57344.0, 1.0]);
    assert_eq!(values[4], [-1.0, 1.0]);
    assert_eq!(values[5], [1.0]);
    assert_eq!(values[6], [0.0, 255.0]);
    assert_eq!(values[7], [2.0]);
    assert_eq!(f.tensors[1].shape_text(), "1,2");
    assert_eq!(f.tensors[5].shape_text(), "");
}

#[test]
fn malformed_files_name_their_problem() {
    let good = npy(1, "<f4", false, "(2,)", &f32s(&[1.0, 2.0]));
    let cases: Vec<(&str, Vec<u8>, ErrorKind, &str)> = vec![
        ("x.npy", b"NOTNUMPY-and-more".to_vec(), ErrorKind::WrongMagic, "\\x93NUMPY"),
        ("x.bin", b"hello world, this is text".to_vec(), ErrorKind::WrongMagic, "neither"),
        ("x.npy", good[..good.len() - 3].to_vec(), ErrorKind::SizeMismatch, "truncated"),
        ("x.npy", [good.clone(), vec![0; 4]].concat(), ErrorKind::SizeMismatch, "extra bytes"),
        ("x.npy", {
            let mut g = good.clone();
            g[8] = 0xFF;
            g[9] = 0x7F;
            g
        }, ErrorKind::HeaderTooLong, "header claims"),
        ("x.npy", npy(1, "<c8", false, "(1,)", &[0; 8]), ErrorKind::UnknownDtype, "'<c8'"),
        ("x.npy", npy(1, "<f4", false, "[2]", &[0; 8]), ErrorKind::BadHeader, "malformed .npy header"),
        ("x.npy", npy(9, "<f4", false, "(2,)", &[0; 8]), ErrorKind::BadHeader, "version 9"),
        ("x.safetensors", {
            let mut f = safetensors(r#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, &[0; 8]);
            f[0] = 0xFF;
            f[3] = 0x01;
            f
        }, ErrorKind::HeaderTooLong, "longer than the file"),
        ("x.safetensors", safetensors(r#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}"#, &[0; 8]), ErrorKind::OffsetsOutsideData, "'w': data_offsets [0, 16] reach past the data, which has 8 bytes"),
        ("x.safetensors", safetensors(r#"{"w":{"dtype":"Q4_K","shape":[2],"data_offsets":[0,8]}}"#, &[0; 8]), ErrorKind::UnknownDtype, "unknown dtype 'Q4_K'"),
        ("x.safetensors", safetensors(r#"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, &[0; 8]), ErrorKind::SizeMismatch, "needs 12 bytes"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, &[0; 8]), ErrorKind::BadOffsets, "overlaps"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, &[0; 8]), ErrorKind::BadOffsets, "hole of 4 bytes"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}}"#, &[0; 8]), ErrorKind::BadOffsets, "end before they start"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, &[0; 8]), ErrorKind::BadOffsets, "4 bytes after the last tensor"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"F32","shape":[1]}}"#, &[0; 4]), ErrorKind::BadHeader, "tensor 'a': missing field `data_offsets`"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, &[0; 8]), ErrorKind::BadHeader, "listed twice"),
        ("x.safetensors", safetensors(r#"{"a": nope}"#, &[]), ErrorKind::BadHeader, "not valid JSON"),
        ("x.safetensors", safetensors(r#"[1, 2]"#, &[]), ErrorKind::WrongMagic, "instead of a JSON header"),
        ("x.safetensors", vec![1, 0, 0], ErrorKind::HeaderTooLong, "8-byte header length"),
        ("x.safetensors", safetensors(r#"{"a":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#, &i64::MAX.to_le_bytes()), ErrorKind::Inexact, "not exactly representable"),
    ];
    for (name, file, kind, words) in cases {
        let e = refused(name, &file);
        assert_eq!(e.kind, kind, "{name}: {e}");
        assert!(e.message.contains(words), "{name}: '{e}' does not say '{words}'");
    }
}

#[test]
fn the_browser_steps_read_only_the_header_first() {
    // A "large" file: its header is read from the first bytes and the header range only.
    let header = r#"{"big":{"dtype":"F32","shape":[1000000],"data_offsets":[0,4000000]}}"#;
    let head = safetensors(header, &[]);
    let size = head.len() as u64 + 4_000_000;
    let n = lowbit_tensors::safetensors::header_length(&head[..16], size).unwrap();
    let t = lowbit_tensors::safetensors::parse_header(&head[8..8 + n as usize], size).unwrap();
    assert_eq!(t[0].bytes, head.len() as u64..size);
    assert_eq!(t[0].elements(), 1_000_000);
    let (f, changed) = lowbit_tensors::to_f32(&[0.1, 0.5, f64::NAN, 1e300]);
    assert_eq!((f[1], changed), (0.5, 2));
}
