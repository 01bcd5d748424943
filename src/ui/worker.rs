//! Asks the app's worker (`src/bin/nianbao-worker.rs`) to do one job: its wasm module is
//! fetched the first time a job runs, never on the first screen, and the worker ends with it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader (`static/worker-loader.js`), beside index.html in `dist/`.
pub(super) const LOADER: &str = "./worker-loader.js";

/// Where the worker's script is: the single file (`dist/nianbao.html`, opened from disk, where a
/// worker cannot start from a file) sets `nianbaoWorkerUrl` to a blob of its own; a served
/// page has the loader beside it.
fn worker_url() -> String {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("nianbaoWorkerUrl"))
        .ok()
        .and_then(|url| url.as_string())
        .unwrap_or_else(|| LOADER.to_string())
}

/// How long a job may take before the page gives up on the worker (a page of 20 MB is read in
/// a few seconds; a worker that failed to start never answers).
const TIMEOUT_MS: i32 = 120_000;

type Handlers = (
    Closure<dyn Fn(web_sys::MessageEvent)>,
    Closure<dyn Fn(web_sys::ErrorEvent)>,
    Closure<dyn Fn()>,
);

/// Sends `request` (see the worker's protocol) and returns its one answer.
pub async fn ask(request: impl Into<JsValue>) -> Result<JsValue, String> {
    let request: JsValue = request.into();
    // Trunk builds workers for wasm-bindgen's no-modules target: a classic worker.
    let worker = super::trusted::worker(&worker_url()).map_err(|e| format!("{e:?}"))?;
    // The handlers live until the answer (or the timeout) and are dropped with the request
    // they hold, so a large page is not kept in memory afterwards.
    let mut handlers: Option<Handlers> = None;
    let mut timer = None;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let w = worker.clone();
        let request = request.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if data.as_string().as_deref() == Some("ready") {
                    let _ = w.post_message(&request);
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            });
        let failed = reject.clone();
        let on_error =
            Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                let _ = failed.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
            });
        let on_timeout = Closure::<dyn Fn()>::new(move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("timeout"));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
        });
        handlers = Some((on_message, on_error, on_timeout));
    });
    let result = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    if let (Some(id), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(id);
    }
    drop(handlers);
    result.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

type SessionHandlers = (
    Closure<dyn Fn(web_sys::MessageEvent)>,
    Closure<dyn Fn(web_sys::ErrorEvent)>,
);

/// One worker kept for a run of jobs (the files of 汇总 or 检查): started once, asked one job
/// at a time, ended by [`Session::end`] — which also fails the job in hand, so a cancelled run
/// stops at once — or when dropped.
pub struct Session {
    worker: web_sys::Worker,
    /// Set by [`Session::end`]: a job asked afterwards fails at once.
    ended: std::cell::Cell<bool>,
    /// Fails the job in hand (set while one runs).
    pending: std::rc::Rc<std::cell::RefCell<Option<js_sys::Function>>>,
}

impl Session {
    /// Starts the worker and waits until it runs.
    pub async fn start() -> Result<Session, String> {
        let worker = super::trusted::worker(&worker_url()).map_err(|e| format!("{e:?}"))?;
        let session = Session {
            worker,
            ended: Default::default(),
            pending: Default::default(),
        };
        let ready = session.next_message(None).await?;
        if ready.as_string().as_deref() != Some("ready") {
            return Err("the worker did not start".into());
        }
        Ok(session)
    }

    /// Sends `request` and returns its answer.
    pub async fn ask(&self, request: impl Into<JsValue>) -> Result<JsValue, String> {
        self.next_message(Some(request.into())).await
    }

    /// The worker's next message, after posting `request` if there is one.
    async fn next_message(&self, request: Option<JsValue>) -> Result<JsValue, String> {
        if self.ended.get() {
            return Err("cancelled".into());
        }
        let mut handlers: Option<SessionHandlers> = None;
        let pending = self.pending.clone();
        let answer = js_sys::Promise::new(&mut |resolve, reject| {
            let on_message =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                    let _ = resolve.call1(&JsValue::NULL, &ev.data());
                });
            let failed = reject.clone();
            let on_error =
                Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                    let _ = failed.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
                });
            self.worker
                .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            self.worker
                .set_onerror(Some(on_error.as_ref().unchecked_ref()));
            *pending.borrow_mut() = Some(reject);
            handlers = Some((on_message, on_error));
        });
        if let Some(request) = request {
            self.worker
                .post_message(&request)
                .map_err(|e| format!("{e:?}"))?;
        }
        let result = wasm_bindgen_futures::JsFuture::from(answer).await;
        self.pending.borrow_mut().take();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        drop(handlers);
        result.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
    }

    /// Ends the worker; the job in hand fails with "cancelled".
    pub fn end(&self) {
        self.ended.set(true);
        self.worker.terminate();
        if let Some(reject) = self.pending.borrow_mut().take() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("cancelled"));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
