//! `lowbit-lab`: a lazily loaded module of the app (`lowbit_app::lazy`). The page imports it
//! the first time a view it holds opens (Compare, the MNIST lab, the GGUF block explorer) and
//! mounts that view through its `mount_lazy_view` export. It is the same library as
//! `lowbit-app`; the linker keeps in each module only the views it reaches, which is what
//! keeps the first view small.

lowbit_app::lazy_module_exports!(lowbit_app::lazy::guest::mount_lab);
