//! The collection view's panels: the articles (checked ones are counted;
//! filters by word, date and place; a comparison's sides), the places with
//! both their counts, and the passages about the selected place grouped
//! under the articles that name it (each article read back from its file
//! when its header is opened).

use std::rc::Rc;

use egui::{CollapsingHeader, ScrollArea, TextEdit, Ui};

use super::highlight::Highlighter;
use super::passages::{passage, plural};
use crate::app::Action;
use crate::app::collection::{COMPARE_LABELS, CollectionView, Side, kind_label};
use crate::article::Article;
use crate::collection::{Count, Day};
use crate::gazetteer::Gazetteer;

/// Height of one article row.
const ROW: f32 = 22.0;

/// The panels' own memory: the date fields as typed, and the articles read back lately.
#[derive(Default)]
pub struct CollectionUi {
    from: String,
    to: String,
    word: String,
    /// Articles read back to show their passages (newest last), by position.
    opened: Vec<(usize, Rc<Result<Article, String>>)>,
}

/// How many articles read back are kept.
const KEEP_OPENED: usize = 12;

impl CollectionUi {
    /// Forget what was typed and read (another collection is shown).
    pub fn reset(&mut self) {
        *self = CollectionUi::default();
    }

    /// The left panel: the articles, then the places.
    pub fn list_ui(&mut self, ui: &mut Ui, view: &CollectionView) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            ui.heading(&view.name);
        });
        ui.horizontal(|ui| {
            ui.label("Count");
            for (count, label) in [(Count::Articles, "Articles"), (Count::Mentions, "Mentions")] {
                if ui
                    .radio(view.count == count && view.compare.is_none(), label)
                    .on_hover_text(format!("Colour and size places by the {} naming them", count.unit()))
                    .clicked()
                {
                    actions.push(Action::CountBy(count));
                    if view.compare.is_some() {
                        actions.push(Action::Compare(false));
                    }
                }
            }
            let mut comparing = view.compare.is_some();
            if ui
                .toggle_value(&mut comparing, "Compare")
                .on_hover_text("Two groups of articles: places only in A, only in B, in both")
                .changed()
            {
                actions.push(Action::Compare(comparing));
            }
        });
        self.filters_ui(ui, view, &mut actions);
        ui.separator();
        self.articles_ui(ui, view, &mut actions);
        ui.separator();
        places_ui(ui, view, &mut actions);
        actions
    }

    fn filters_ui(&mut self, ui: &mut Ui, view: &CollectionView, actions: &mut Vec<Action>) {
        if self.word.is_empty() && !view.filter.word.is_empty() {
            self.word = view.filter.word.clone();
        }
        ui.horizontal(|ui| {
            let label = ui.label("Word");
            let field = ui
                .add(
                    TextEdit::singleline(&mut self.word)
                        .hint_text("in the text")
                        .desired_width(140.0),
                )
                .labelled_by(label.id);
            if field.lost_focus() && self.word != view.filter.word {
                actions.push(Action::FilterWord(self.word.clone()));
            }
            if !view.filter.word.is_empty() && view.filter.word_matches.is_none() {
                ui.spinner();
            }
        });
        ui.horizontal(|ui| {
            let from_label = ui.label("From");
            let from = ui
                .add(
                    TextEdit::singleline(&mut self.from)
                        .hint_text("2024-03-01")
                        .desired_width(84.0),
                )
                .labelled_by(from_label.id);
            let to_label = ui.label("to");
            let to = ui
                .add(
                    TextEdit::singleline(&mut self.to)
                        .hint_text("2024-03-31")
                        .desired_width(84.0),
                )
                .labelled_by(to_label.id);
            if from.lost_focus() || to.lost_focus() {
                let (a, b) = (Day::parse(&self.from), Day::parse(&self.to));
                if (a, b) != (view.filter.from, view.filter.to) {
                    actions.push(Action::FilterDates(a, b));
                }
            }
        });
        if let Some(place) = view.filter.naming {
            ui.horizontal(|ui| {
                ui.label(format!("Naming {}", place.name(Gazetteer::builtin())));
                if ui.small_button("×").on_hover_text("Show every article").clicked() {
                    actions.push(Action::FilterNaming(None));
                }
            });
        }
    }

    fn articles_ui(&mut self, ui: &mut Ui, view: &CollectionView, actions: &mut Vec<Action>) {
        let shown = view.shown_members();
        ui.horizontal(|ui| {
            let counted = shown.iter().filter(|&&i| view.checked[i]).count();
            ui.strong(format!("Articles ({counted} of {} counted)", shown.len()));
            if ui
                .small_button("All")
                .on_hover_text("Count every article shown")
                .clicked()
            {
                actions.push(Action::CheckShown(true));
            }
            if ui.small_button("None").on_hover_text("Count none of them").clicked() {
                actions.push(Action::CheckShown(false));
            }
        });
        let height = (ui.available_height() * 0.5).max(120.0);
        ScrollArea::vertical()
            .id_salt("collection articles")
            .max_height(height)
            .auto_shrink([false, true])
            .show_rows(ui, ROW, shown.len(), |ui, rows| {
                for &i in &shown[rows] {
                    self.article_row(ui, view, i, actions);
                }
            });
    }

    fn article_row(&self, ui: &mut Ui, view: &CollectionView, i: usize, actions: &mut Vec<Action>) {
        let member = &view.members[i];
        ui.horizontal(|ui| {
            ui.set_height(ROW);
            match &view.compare {
                Some(compare) => {
                    for (side, set, label) in [(Side::A, &compare.a, "A"), (Side::B, &compare.b, "B")] {
                        let mut on = set[i];
                        if ui
                            .toggle_value(&mut on, label)
                            .on_hover_text(format!("{} on side {label}", member.title))
                            .changed()
                        {
                            actions.push(Action::CompareSide(i, side, on));
                        }
                    }
                }
                None => {
                    let mut checked = view.checked[i];
                    if ui
                        .checkbox(&mut checked, "")
                        .on_hover_text(format!("Count {}", member.title))
                        .changed()
                    {
                        actions.push(Action::CheckArticle(i, checked));
                    }
                }
            }
            match &member.digest {
                Ok(digest) => {
                    let date = member.date.map(|d| format!(" · {d}")).unwrap_or_default();
                    let countries = plural(digest.countries(), "country", "countries");
                    ui.weak(format!("{}{date}", digest.countries()))
                        .on_hover_text(countries.as_str());
                    let title = egui::RichText::new(&member.title).color(ui.visuals().hyperlink_color);
                    let response = ui
                        .add(egui::Label::new(title).truncate().sense(egui::Sense::click()))
                        .on_hover_text(format!("{}{date} · {countries}\nOpen it on its own", member.name()));
                    if response.clicked() {
                        actions.push(Action::OpenMember(i));
                    }
                }
                Err(reason) => {
                    let text =
                        egui::RichText::new(format!("{}: {reason}", member.name())).color(ui.visuals().warn_fg_color);
                    ui.add(egui::Label::new(text).truncate()).on_hover_text(reason.as_str());
                }
            }
        });
    }

    /// The right panel: the passages about the selected place, under the
    /// articles that name it.
    pub fn passages_ui(&mut self, ui: &mut Ui, view: &CollectionView) -> Vec<Action> {
        let mut actions = Vec::new();
        let g = Gazetteer::builtin();
        let Some(place) = view.selection else {
            ui.add_space(8.0);
            ui.weak("Click a place on the map or in the list to see the articles and passages that name it.");
            return actions;
        };
        ui.heading(place.name(g));
        let naming = view.naming(place);
        let Some(counts) = view.aggregate.counts.get(&place) else {
            ui.weak("Not named in the articles counted.");
            return actions;
        };
        ui.label(format!(
            "{} in {}",
            plural(counts.mentions, "mention", "mentions"),
            plural(naming.len(), "article", "articles")
        ));
        if ui
            .button("Show only the articles that name it")
            .on_hover_text("Filter the list")
            .clicked()
        {
            actions.push(Action::FilterNaming(Some(place)));
        }
        ui.separator();
        ScrollArea::vertical()
            .id_salt(("collection passages", place))
            .auto_shrink(false)
            .show(ui, |ui| {
                for &i in &naming {
                    let member = &view.members[i];
                    let mentions = member
                        .digest
                        .as_ref()
                        .ok()
                        .and_then(|d| d.tally(place))
                        .map_or(0, |t| t.mentions as usize);
                    let date = member.date.map(|d| format!(" · {d}")).unwrap_or_default();
                    let header = format!("{}{date} · {}", member.title, plural(mentions, "mention", "mentions"));
                    CollapsingHeader::new(header)
                        .id_salt(("article passages", i, place))
                        .show(ui, |ui| {
                            if ui.small_button("Open the article").clicked() {
                                actions.push(Action::OpenMember(i));
                            }
                            let article = self.read_back(view, i);
                            match article.as_ref() {
                                Ok(article) => {
                                    let analysis = &article.analysis;
                                    let highlighter = Highlighter::for_analysis(ui, analysis, Some(place));
                                    let sentences = analysis.summary(place).map_or(&[][..], |s| &s.passages[..]);
                                    for &sentence in sentences {
                                        passage(ui, &highlighter, &analysis.document, sentence);
                                    }
                                }
                                Err(reason) => {
                                    ui.colored_label(ui.visuals().error_fg_color, reason.as_str());
                                }
                            }
                        });
                }
            });
        actions
    }

    /// The article at `i` read back from its file (kept for the next frames).
    fn read_back(&mut self, view: &CollectionView, i: usize) -> Rc<Result<Article, String>> {
        if let Some(k) = self.opened.iter().position(|(j, _)| *j == i) {
            let entry = self.opened.remove(k);
            let article = Rc::clone(&entry.1);
            self.opened.push(entry);
            return article;
        }
        let article = Rc::new(view.members[i].open());
        self.opened.push((i, Rc::clone(&article)));
        if self.opened.len() > KEEP_OPENED {
            self.opened.remove(0);
        }
        article
    }
}

/// The places of the collection with the articles naming each and their mentions.
fn places_ui(ui: &mut Ui, view: &CollectionView, actions: &mut Vec<Action>) {
    let analysis = &view.aggregate.analysis;
    ui.strong(format!("Places ({})", analysis.places().count()));
    egui::Grid::new("collection places header")
        .num_columns(3)
        .show(ui, |ui| {
            ui.weak("Place");
            ui.weak("Articles");
            ui.weak(match &view.compare {
                Some(_) => "Where",
                None => "Mentions",
            });
            ui.end_row();
        });
    ScrollArea::vertical()
        .id_salt("collection places")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("collection places")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    for p in analysis.places() {
                        let counts = &view.aggregate.counts[&p.place];
                        let selected = view.selection == Some(p.place);
                        let response = ui
                            .selectable_label(selected, &p.name)
                            .on_hover_text(kind_label(p.kind()));
                        if response.clicked() {
                            actions.push(Action::Select(Some(p.place)));
                        }
                        response.context_menu(|ui| {
                            if ui.button("Articles that name it").clicked() {
                                actions.push(Action::FilterNaming(Some(p.place)));
                                ui.close();
                            }
                        });
                        ui.label(counts.articles.to_string());
                        match &view.compare {
                            Some(_) => ui.label(COMPARE_LABELS[class_index(p.mentions)]),
                            None => ui.label(counts.mentions.to_string()),
                        };
                        ui.end_row();
                    }
                });
        });
}

/// The comparison class of a place's count ([`crate::app::collection::ONLY_A`], …) as 0, 1, 2.
fn class_index(count: usize) -> usize {
    crate::map::classes::mention_class(count).min(2)
}

/// The bar shown over an article opened from its collection: the way back.
pub fn back_bar(ui: &mut Ui, view: &CollectionView) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        if ui
            .button(format!("Back to {}", view.name))
            .on_hover_text("The collection's map and articles")
            .clicked()
        {
            action = Some(Action::BackToCollection);
        }
        if let Some(i) = view.open_member {
            ui.weak(format!("Article {} of {}", i + 1, view.members.len()));
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_classes_have_their_labels() {
        use crate::app::collection::{BOTH, ONLY_A, ONLY_B};
        let labels: Vec<&str> = [ONLY_A, ONLY_B, BOTH].map(|c| COMPARE_LABELS[class_index(c)]).to_vec();
        assert_eq!(labels, ["Only in A", "Only in B", "In both"]);
    }
}
