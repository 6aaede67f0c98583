//! Keyboard shortcuts: Esc clears the selection, arrows pan the map, +/−
//! zoom, Ctrl+O opens a file.

use egui::{Context, Key, KeyboardShortcut, Modifiers, vec2};

use super::Action;

/// How far one arrow key press moves the map, in points.
const PAN_STEP: f32 = 80.0;

/// The actions asked for by keys pressed this frame. Map keys are ignored
/// while a text field has the keyboard.
pub fn actions(ctx: &Context) -> Vec<Action> {
    let mut actions = Vec::new();
    let typing = ctx.text_edit_focused();
    ctx.input_mut(|i| {
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
            actions.push(Action::Open);
        }
        if i.key_pressed(Key::Escape) {
            actions.push(Action::ClearSelection);
        }
        if typing {
            return;
        }
        // Arrows move the view the way they point: the map slides the other way.
        let pans = [
            (Key::ArrowLeft, vec2(PAN_STEP, 0.0)),
            (Key::ArrowRight, vec2(-PAN_STEP, 0.0)),
            (Key::ArrowUp, vec2(0.0, PAN_STEP)),
            (Key::ArrowDown, vec2(0.0, -PAN_STEP)),
        ];
        for (key, delta) in pans {
            if i.consume_key(Modifiers::NONE, key) {
                actions.push(Action::Pan(delta));
            }
        }
        for (key, steps) in [(Key::Plus, 1.0), (Key::Equals, 1.0), (Key::Minus, -1.0)] {
            if i.consume_key(Modifiers::NONE, key) {
                actions.push(Action::Zoom(steps));
            }
        }
    });
    actions
}
