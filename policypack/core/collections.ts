// Two small map idioms the model and the rules use everywhere.

/** Appends `value` to the list kept under `key`, creating the list on first use. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list === undefined) {
        map.set(key, [value]);
    } else {
        list.push(value);
    }
}

/** The value cached under `key`, computed and cached on first use. */
export function memoized<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
    if (cache.has(key)) {
        return cache.get(key) as V;
    }
    const value = compute();
    cache.set(key, value);
    return value;
}
