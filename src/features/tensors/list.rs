//! The tensor list: one row per tensor (`data-testid="tensor-row"`, `data-name`, `data-dtype`,
//! `data-shape` comma-joined), its name a button that chooses it.

use leptos::prelude::*;

use super::model::TensorRow;

/// The list of a file's tensors.
#[component]
pub fn TensorList(
    /// The rows.
    #[prop(into)]
    rows: Signal<Vec<TensorRow>>,
    /// The chosen tensor's name.
    #[prop(into)]
    chosen: Signal<Option<String>>,
    /// Called with the name of the tensor chosen.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().tensors();
    let [tensor, dtype, shape, elements, size] = t.list_columns;
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t.list_label>
            <table class="tensor-list signal-metrics" data-testid="tensor-list">
                <thead>
                    <tr>
                        <th>{tensor}</th>
                        <th>{dtype}</th>
                        <th>{shape}</th>
                        <th>{elements}</th>
                        <th>{size}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.name.clone() let:row>
                        {
                            let name = row.name.clone();
                            let is_chosen = {
                                let name = name.clone();
                                move || chosen.with(|c| c.as_deref() == Some(name.as_str()))
                            };
                            view! {
                                <tr
                                    data-testid="tensor-row"
                                    data-name=row.name.clone()
                                    data-dtype=row.dtype
                                    data-shape=row.shape.clone()
                                    class:chosen=is_chosen.clone()
                                    aria-selected=move || is_chosen().to_string()
                                >
                                    <td>
                                        <button type="button" class="link-button" on:click=move |_| on_choose.run(name.clone())>
                                            {row.name.clone()}
                                        </button>
                                    </td>
                                    <td>{row.dtype}</td>
                                    <td class="num">{row.shape_label.clone()}</td>
                                    <td class="num">{row.elements.to_string()}</td>
                                    <td class="num">{row.size.clone()}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
