package dev.lookahead.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A growable list of ints for the in-context generators' graphs and traces: no boxing, removal by index keeps order. */
final class IntList {
    private int[] items;
    private int size;

    IntList() {
        this(8);
    }

    IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int get(int index) {
        if (index >= size) throw new IndexOutOfBoundsException(index + " of " + size);
        return items[index];
    }

    void set(int index, int value) {
        if (index >= size) throw new IndexOutOfBoundsException(index + " of " + size);
        items[index] = value;
    }

    void add(int value) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = value;
    }

    void addAll(IntList other) {
        for (int i = 0; i < other.size; i++) add(other.items[i]);
    }

    /** Inserts at {@code index}, moving what follows one place on. */
    void insert(int index, int value) {
        add(value);
        System.arraycopy(items, index, items, index + 1, size - 1 - index);
        items[index] = value;
    }

    int indexOf(int value) {
        for (int i = 0; i < size; i++) if (items[i] == value) return i;
        return -1;
    }

    boolean contains(int value) {
        return indexOf(value) >= 0;
    }

    int removeAt(int index) {
        int value = get(index);
        System.arraycopy(items, index + 1, items, index, size - index - 1);
        size--;
        return value;
    }

    /** Removes the first occurrence of {@code value}; whether there was one. */
    boolean removeValue(int value) {
        int index = indexOf(value);
        if (index < 0) return false;
        removeAt(index);
        return true;
    }

    int pop() {
        return removeAt(size - 1);
    }

    void clear() {
        size = 0;
    }

    int pick(SplittableRandom random) {
        return get(random.nextInt(size));
    }

    /** Removes and returns a uniformly chosen item. */
    int take(SplittableRandom random) {
        return removeAt(random.nextInt(size));
    }

    void shuffle(SplittableRandom random) {
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
