//! State one page shares between everything that shows it: who is signed in and the cart, read by the
//! islands of a server-rendered page (each a Yew app of its own) and by the providers of a whole app
//! alike, so that the header's cart count follows what the buying controls put in.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

use yew::prelude::*;

/// A value of the page, and the components to re-render when it changes.
#[derive(Default)]
pub struct Shared<T> {
    value: RefCell<T>,
    watchers: RefCell<Vec<(u64, Callback<()>)>>,
    next_id: Cell<u64>,
}

impl<T: Clone> Shared<T> {
    /// The value now.
    pub fn get(&self) -> T {
        self.value.borrow().clone()
    }

    /// Replaces the value and re-renders everything that shows it.
    pub fn set(&self, value: T) {
        *self.value.borrow_mut() = value;
        let watchers: Vec<Callback<()>> = self.watchers.borrow().iter().map(|(_, w)| w.clone()).collect();
        for watcher in watchers {
            watcher.emit(());
        }
    }

    fn watch(&self, watcher: Callback<()>) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.watchers.borrow_mut().push((id, watcher));
        id
    }

    fn unwatch(&self, id: u64) {
        self.watchers.borrow_mut().retain(|(i, _)| *i != id);
    }
}

/// The page's value of `shared`, re-rendering when it changes. The first render shows the default, as
/// the server rendered it (the server never reads a page's value: its threads serve many pages), so
/// hydrating finds the server's markup; the page's value follows right after.
#[hook]
pub fn use_shared<T: Clone + Default + 'static>(shared: &'static LocalKey<Shared<T>>) -> T {
    let live = use_state_eq(|| false);
    let update = use_force_update();
    {
        let live = live.clone();
        use_effect_with((), move |()| {
            let id = shared.with(|s| s.watch(Callback::from(move |()| update.force_update())));
            live.set(true);
            move || shared.with(|s| s.unwatch(id))
        });
    }
    if *live { shared.with(Shared::get) } else { T::default() }
}
