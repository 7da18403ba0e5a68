//! `lowbit-quantize`: the lazily loaded module of the Quantize view (the pasted numbers quantized
//! step by step on the compute worker, their histogram, the seed articles' claims). The page
//! imports it the first time that view opens and mounts it through its `mount_lazy_view` export
//! (see `lowbit-lab.rs`, its sibling).

lowbit_app::lazy_module_exports!(lowbit_app::lazy::guest::mount_quantize);
