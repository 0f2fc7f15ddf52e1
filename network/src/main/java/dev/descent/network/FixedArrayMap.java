package dev.descent.network;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The read-only, insertion-ordered {@code Map<String, float[]>} behind {@code params()} and
 * {@code gradient()}: keys and arrays are fixed at construction (the arrays' contents are not).
 *
 * <p>{@link java.util.Collections#unmodifiableMap} would also be read-only, but iterating its entry set
 * wraps every entry in a new object, which made an optimizer's {@code update} allocate ~450 bytes per
 * training step. Here the entries are created once; iteration creates only the iterator (which the JIT
 * can usually keep off the heap), and {@link #get} is a hash lookup.
 */
final class FixedArrayMap extends AbstractMap<String, float[]> {

    private final Map.Entry<String, float[]>[] entries;
    private final Map<String, float[]> index;
    private final Set<Map.Entry<String, float[]>> entrySet = new EntrySet();

    @SuppressWarnings({"unchecked", "rawtypes"})   // generic array creation
    FixedArrayMap(LinkedHashMap<String, float[]> contents) {
        entries = new Map.Entry[contents.size()];
        int i = 0;
        for (Map.Entry<String, float[]> e : contents.entrySet()) {
            entries[i++] = new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue());
        }
        index = new HashMap<>(contents);
    }

    @Override
    public float[] get(Object key) {
        return index.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public Set<Map.Entry<String, float[]>> entrySet() {
        return entrySet;
    }

    private final class EntrySet extends AbstractSet<Map.Entry<String, float[]>> {
        @Override
        public Iterator<Map.Entry<String, float[]>> iterator() {
            return new EntryIterator(entries);
        }

        @Override
        public int size() {
            return entries.length;
        }
    }

    private static final class EntryIterator implements Iterator<Map.Entry<String, float[]>> {
        private final Map.Entry<String, float[]>[] entries;
        private int next;

        EntryIterator(Map.Entry<String, float[]>[] entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return next < entries.length;
        }

        @Override
        public Map.Entry<String, float[]> next() {
            if (next >= entries.length) {
                throw new NoSuchElementException();
            }
            return entries[next++];
        }
    }
}
