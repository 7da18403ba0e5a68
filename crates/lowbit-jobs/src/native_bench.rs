//! The native throughput of the bench workloads on the project's own machine: the figures
//! `lowbit bench --json` printed there, committed as data (`scripts/native_bench.sh` measures
//! them again and rewrites `native_bench_data.rs`). The Speed view shows them beside the
//! visitor's WebAssembly figures, labelled with [`MEASURED_ON`].

/// One native figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NativeRow {
    /// `encode`, `decode`, `quantize` or `dequantize`.
    pub op: &'static str,
    /// The format or scheme id.
    pub subject: &'static str,
    /// The block size of a quantizer.
    pub block: Option<usize>,
    /// Elements per second.
    pub elements_per_second: f64,
}

include!("native_bench_data.rs");

/// The native elements per second of an operation (`op` on a format or scheme id, each
/// measured once, with the scheme's default block), if it was measured.
pub fn native_rate(op: &str, subject: &str) -> Option<f64> {
    NATIVE.iter().find(|r| r.op == op && r.subject == subject).map(|r| r.elements_per_second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::workloads;

    #[test]
    fn native_rows_name_workloads_and_cover_the_key_operations() {
        // Workloads added after the last run of scripts/native_bench.sh (new catalogue formats,
        // the GGUF types) have no native figure until it runs again: native_rate gives None and
        // the Speed view shows "—". Every committed row must still name a workload.
        let w = workloads();
        for r in NATIVE {
            assert!(w.iter().any(|w| w.subject() == r.subject && w.ops().contains(&r.op)), "stale native row {r:?}");
            assert!(r.elements_per_second > 0.0);
        }
        for (op, subject) in [("encode", "float8_e4m3fn"), ("quantize", "nf4"), ("quantize", "mxfp4")] {
            assert!(native_rate(op, subject).is_some(), "{op} {subject}");
            assert!(w.iter().any(|w| w.subject() == subject));
        }
        assert!(MEASURED_ON.contains("lowbit bench"));
    }
}
