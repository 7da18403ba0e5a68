//! `lowbit-tensors`: the lazily loaded module of the tensor-file view (a local `.npy` or
//! `.safetensors` file, its histogram and every scheme ranked on it). The page imports it the
//! first time that view opens and mounts it through its `mount_lazy_view` export (see
//! `lowbit-lab.rs`, its sibling).

lowbit_app::lazy_module_exports!(lowbit_app::lazy::guest::mount_tensors);
