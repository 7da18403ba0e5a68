//! `lowbit-compute`: the lazily loaded module of the views that run the compute worker (the
//! quantized signals, Quantize). The page imports it the first time such a view opens and mounts the
//! view through its `mount_lazy_view` export (see `lowbit-lab.rs`, its sibling).

lowbit_app::lazy_module_exports!(lowbit_app::lazy::guest::mount_compute);
