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
    use crate::bench::{workloads, Workload};

    #[test]
    fn the_formats_and_registry_schemes_have_native_figures() {
        // The GGUF workloads came after the last run of scripts/native_bench.sh: until it runs
        // again, their native column is empty ("—"), which native_rate reports as None.
        for w in workloads().iter().filter(|w| matches!(w, Workload::Format(_) | Workload::Scheme(_))) {
            for op in w.ops() {
                let rate = native_rate(op, w.subject());
                assert!(rate.is_some_and(|r| r > 0.0), "{op} {}: run scripts/native_bench.sh", w.subject());
            }
        }
        assert!(MEASURED_ON.contains("lowbit bench"));
    }
}
