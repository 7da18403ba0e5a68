//! `lowbit-signal`: the lazily loaded module of the quantized signals view (its charts, and its
//! client of the compute worker for long signals). The page imports it the first time that view
//! opens and mounts it through its `mount_lazy_view` export (see `lowbit-lab.rs`, its sibling).

lowbit_app::lazy_module_exports!(lowbit_app::lazy::guest::mount_signal);
