//! Where the user is, kept in the URL hash so that reload, back and forward keep the place, also
//! on a plain static server in a sub-path (the path is never touched).

use crate::report::progress::Step;
use leptos::prelude::*;

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start screen: new report, example, existing drafts.
    Start,
    /// A draft's task list.
    Tasks(String),
    /// One step of a draft.
    Step(String, Step),
    /// 汇总: units' reports summed into one.
    Sum,
    /// 检查: many published reports checked at once.
    Audit,
}

impl Route {
    /// Reads a location hash such as `#/d1a2b/requests`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next()) {
            (None, _) => Route::Start,
            // Draft ids are generated (`storage::local::new_id`) and never these words.
            (Some("sum"), None) => Route::Sum,
            (Some("audit"), None) => Route::Audit,
            (Some(id), None | Some("tasks")) => Route::Tasks(id.to_string()),
            (Some(id), Some(slug)) => match Step::from_slug(slug) {
                Some(step) => Route::Step(id.to_string(), step),
                None => Route::Tasks(id.to_string()),
            },
        }
    }

    /// The hash that leads here.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".to_string(),
            Route::Tasks(id) => format!("#/{id}/tasks"),
            Route::Step(id, step) => format!("#/{id}/{}", step.slug()),
            Route::Sum => "#/sum".to_string(),
            Route::Audit => "#/audit".to_string(),
        }
    }

    /// The draft this screen shows, if any.
    pub fn draft_id(&self) -> Option<&str> {
        match self {
            Route::Start | Route::Sum | Route::Audit => None,
            Route::Tasks(id) | Route::Step(id, _) => Some(id),
        }
    }
}

/// The current route, provided by the app and kept in step with the hash.
pub fn use_route() -> RwSignal<Route> {
    expect_context::<RwSignal<Route>>()
}

/// Goes to a route by changing the hash (a new history entry, so Back returns).
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

/// The route in the address bar now.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}
