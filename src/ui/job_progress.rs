//! The progress of a job in the compute worker: a `<progress>` bar with what the job is
//! doing ("quantizing with nf4", step 2 of 4), and an optional cancel button.

use leptos::prelude::*;
use lowbit_jobs::protocol::Progress;

/// A progress bar (`data-testid="{testid}"`, `data-done`, `data-total`) while `progress` holds
/// one; nothing otherwise. With `on_cancel`, a "Cancel" button (`{testid}-cancel`).
#[component]
pub fn JobProgress(
    /// The job's progress; None when no job runs.
    #[prop(into)]
    progress: Signal<Option<Progress>>,
    /// The test hook of the bar.
    testid: &'static str,
    /// Called when the visitor cancels the job.
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().chrome();
    move || {
        progress.get().map(|p| {
            let percent = (p.fraction() * 100.0).round();
            view! {
                <div class="job-progress" role="status" data-testid=testid data-done=p.done data-total=p.total>
                    <progress max=p.total value=p.done>{format!("{percent}%")}</progress>
                    <span class="job-progress-label">{(t.job_step)(&(t.stage)(&p.stage), p.done + 1, p.total)}</span>
                    {on_cancel.map(|cancel| view! {
                        <button type="button" data-testid=format!("{testid}-cancel") on:click=move |_| cancel.run(())>{t.cancel}</button>
                    })}
                </div>
            }
        })
    }
}
