//! The explorer's reactive state: a handful of signals and the few operations that change
//! several of them together. The decisions themselves are plain functions in [`super::model`].

use leptos::prelude::*;
use lowbit_core::{Format, OverflowPolicy, RoundingMode};

use super::model::{self, Entry, Typed};
use super::params::ExplorerState;

/// The explorer's signals. `Copy`, so it can be handed to every component.
#[derive(Clone, Copy)]
pub struct ExplorerModel {
    /// The format shown.
    pub format: RwSignal<Format>,
    /// The code shown.
    pub code: RwSignal<u64>,
    /// The rounding mode for typed values (None = the format's default).
    pub rounding: RwSignal<Option<RoundingMode>>,
    /// The overflow policy for typed values.
    pub overflow: RwSignal<OverflowPolicy>,
    /// The last typed number and how it was encoded.
    pub last_typed: RwSignal<Option<Typed>>,
    /// Seed of the next stochastic rounding (advances at every entry: reproducible per session).
    pub seed: StoredValue<u64>,
}

impl ExplorerModel {
    /// Signals holding `state`.
    pub fn new(state: ExplorerState) -> ExplorerModel {
        ExplorerModel {
            format: RwSignal::new(state.format),
            code: RwSignal::new(state.code),
            rounding: RwSignal::new(state.rounding),
            overflow: RwSignal::new(state.overflow),
            last_typed: RwSignal::new(None),
            seed: StoredValue::new(0),
        }
    }

    /// Shows `state` (Back/Forward: the state a URL names), forgetting the last typed number.
    pub fn restore(&self, state: ExplorerState) {
        self.last_typed.set(None);
        self.format.set(state.format);
        self.code.set(state.code);
        self.rounding.set(state.rounding);
        self.overflow.set(state.overflow);
    }

    /// The state as the URL stores it (tracked: use inside an effect).
    pub fn snapshot(&self) -> ExplorerState {
        ExplorerState {
            format: self.format.get(),
            code: self.code.get(),
            rounding: self.rounding.get(),
            overflow: self.overflow.get(),
        }
    }

    /// The last typed number, if the code shown is still the one it produced.
    fn current_typed(&self) -> Option<Typed> {
        let code = self.code.get_untracked();
        self.last_typed.get_untracked().filter(|t| t.code == code)
    }

    /// Encodes `text` again with the current settings and shows it (after a change of format,
    /// rounding or overflow, so the last typed number stays meaningful).
    fn reencode(&self, text: &str) -> bool {
        match self.interpret(text) {
            Ok(Entry::Number(typed)) => {
                self.code.set(typed.code);
                self.last_typed.set(Some(typed));
                true
            }
            _ => false,
        }
    }

    fn interpret(&self, text: &str) -> Result<Entry, String> {
        let seed = self.seed.get_value();
        self.seed.set_value(seed.wrapping_add(1));
        model::interpret_entry(
            &self.format.get_untracked(),
            text,
            self.rounding.get_untracked(),
            self.overflow.get_untracked(),
            seed,
        )
        .map_err(|e| e.text(crate::ui::lang::lang_now().explorer()))
    }

    /// Shows another format: the last typed number encoded again if it is still shown,
    /// otherwise the current value cast to the new format.
    pub fn select_format(&self, to: Format) {
        let from = self.format.get_untracked();
        if from == to {
            return;
        }
        let typed = self.current_typed();
        let code = self.code.get_untracked();
        self.format.set(to.clone());
        if let Some(typed) = typed {
            if self.reencode(&typed.text) {
                return;
            }
        }
        self.last_typed.set(None);
        self.code.set(model::convert_code(&from, code, &to));
    }

    /// Shows a code (clicked bits, next up/down).
    pub fn set_code(&self, code: u64) {
        let mask = self.format.with_untracked(|f| f.max_code());
        self.code.set(code & mask);
    }

    /// Handles the value box: a code or a number. On error nothing changes.
    pub fn enter(&self, text: &str) -> Result<(), String> {
        match self.interpret(text)? {
            Entry::Code(code) => self.set_code(code),
            Entry::Number(typed) => {
                self.code.set(typed.code);
                self.last_typed.set(Some(typed));
            }
        }
        Ok(())
    }

    /// Changes the rounding mode (and re-encodes the last typed number if still shown).
    pub fn set_rounding(&self, mode: Option<RoundingMode>) {
        let typed = self.current_typed();
        self.rounding.set(mode);
        if let Some(t) = typed {
            self.reencode(&t.text);
        }
    }

    /// Changes the overflow policy (and re-encodes the last typed number if still shown).
    pub fn set_overflow(&self, policy: OverflowPolicy) {
        let typed = self.current_typed();
        self.overflow.set(policy);
        if let Some(t) = typed {
            self.reencode(&t.text);
        }
    }
}
