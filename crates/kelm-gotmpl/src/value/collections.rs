//! Go's maps and slices as templates hold them: [`Map`] (shared and mutable) and
//! [`List`] (shared and immutable).

use std::fmt;
use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;

use super::{Type, Value};

/// A Go map with string keys, shared by reference and mutable in place.
#[derive(Clone)]
pub struct Map(Arc<MapInner>);

struct MapInner {
    ty: Type,
    store: Store,
}

/// Where a map's entries live.
enum Store {
    /// In this map. Hashed for lookups, which dominate; Go sorts keys whenever it
    /// ranges over or prints a map, and so do [`Map::keys`] and [`Map::entries`].
    Own(RwLock<FxHashMap<Arc<str>, Value>>),
    /// In another map (never itself a view): this one is that map converted to
    /// another type ([`Map::convert`]).
    View(Map),
}

impl Map {
    /// A new, empty `map[string]interface {}`.
    pub fn new() -> Map {
        Map::with_type(Type::map_of_any())
    }

    /// A new, empty map of the given map type (its key type must be a string kind).
    pub fn with_type(ty: Type) -> Map {
        Map(Arc::new(MapInner {
            ty,
            store: Store::Own(RwLock::new(FxHashMap::default())),
        }))
    }

    /// The same map seen as type `ty` (Go's conversion `T(m)` between map types with
    /// the same underlying type, which `reflect` applies when a named map such as
    /// Helm's `common.Values` is passed for a `map[string]interface{}` parameter). The
    /// result shares the entries: changes through either are seen by both, and
    /// [`Map::ptr_eq`] holds between them.
    pub fn convert(&self, ty: Type) -> Map {
        Map(Arc::new(MapInner {
            ty,
            store: Store::View(self.root().clone()),
        }))
    }

    /// The map that holds the entries.
    fn root(&self) -> &Map {
        match &self.0.store {
            Store::Own(_) => self,
            Store::View(m) => m,
        }
    }

    fn lock(&self) -> &RwLock<FxHashMap<Arc<str>, Value>> {
        match &self.root().0.store {
            Store::Own(l) => l,
            Store::View(_) => unreachable!("a view's root holds its entries"),
        }
    }

    /// A `map[string]interface {}` holding these entries.
    pub fn from_entries<K: Into<Arc<str>>>(entries: impl IntoIterator<Item = (K, Value)>) -> Map {
        let map = Map::new();
        {
            let mut w = map.write();
            for (k, v) in entries {
                w.insert(k.into(), v);
            }
        }
        map
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, FxHashMap<Arc<str>, Value>> {
        // A panic while holding the lock cannot leave the map half-updated (inserts are
        // atomic), so a poisoned lock is still safe to use.
        self.lock().read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, FxHashMap<Arc<str>, Value>> {
        self.lock().write().unwrap_or_else(|e| e.into_inner())
    }

    /// The map's Go type.
    pub fn go_type(&self) -> &Type {
        &self.0.ty
    }

    /// The value at `key`.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.read().get(key).cloned()
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.read().contains_key(key)
    }

    /// Sets `key`; every holder of this map sees the change.
    pub fn insert(&self, key: impl Into<Arc<str>>, value: Value) {
        self.write().insert(key.into(), value);
    }

    /// Removes `key`, returning its value.
    pub fn remove(&self, key: &str) -> Option<Value> {
        self.write().remove(key)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.read().len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.read().is_empty()
    }

    /// The keys, sorted as Go sorts string keys (by bytes).
    pub fn keys(&self) -> Vec<Arc<str>> {
        let mut keys: Vec<Arc<str>> = self.read().keys().cloned().collect();
        keys.sort_unstable();
        keys
    }

    /// A snapshot of the entries in key order; later changes to the map do not affect it.
    pub fn entries(&self) -> Vec<(Arc<str>, Value)> {
        let mut entries: Vec<(Arc<str>, Value)> = self
            .read()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        entries
    }

    /// Whether two handles refer to the same map (also through [`Map::convert`]).
    pub fn ptr_eq(&self, other: &Map) -> bool {
        Arc::ptr_eq(&self.root().0, &other.root().0)
    }

    /// An address identifying the map, shared by all its handles and conversions
    /// (what `%p` prints).
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.root().0) as usize
    }
}

impl Default for Map {
    fn default() -> Self {
        Map::new()
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.entries()).finish()
    }
}

/// A Go slice, shared by reference and never mutated.
#[derive(Clone)]
pub struct List(Arc<ListInner>);

struct ListInner {
    ty: Type,
    items: Vec<Value>,
}

impl List {
    /// A `[]interface {}` holding `items`.
    pub fn new(items: Vec<Value>) -> List {
        List::with_type(Type::slice_of_any(), items)
    }

    /// A slice of the given slice type.
    pub fn with_type(ty: Type, items: Vec<Value>) -> List {
        List(Arc::new(ListInner { ty, items }))
    }

    /// The slice's Go type.
    pub fn go_type(&self) -> &Type {
        &self.0.ty
    }

    /// The elements.
    pub fn items(&self) -> &[Value] {
        &self.0.items
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.0.items.len()
    }

    /// Whether the slice is empty.
    pub fn is_empty(&self) -> bool {
        self.0.items.is_empty()
    }

    /// Whether two handles refer to the same slice.
    pub fn ptr_eq(&self, other: &List) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.items()).finish()
    }
}
