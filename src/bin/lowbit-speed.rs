//! `lowbit-speed`: the lazily loaded module of the Speed view (the compute worker's benchmark
//! run in the visitor's browser, beside the committed native figures). The page imports it the
//! first time that view opens and mounts it through its `mount_lazy_view` export (see
//! `lowbit-lab.rs`, its sibling).

lowbit_app::lazy_module_exports!(lowbit_app::lazy::guest::mount_speed);
