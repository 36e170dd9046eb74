package org.fundwatch.message;

/**
 * Where a value sits in a message ({@code $.input.data[0].sumamt}), built as a chain of steps and turned into text
 * only when a problem is reported: the validator visits every field of every message, and almost none has a problem,
 * so concatenating the path of each field (as it once did) was most of its allocation.
 */
final class JsonPath {
    /** The document root, {@code $}. */
    static final JsonPath ROOT = new JsonPath(null, "$", -1);

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The member {@code name} of this object. */
    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    /** The element {@code index} of this array. */
    JsonPath element(int index) {
        return new JsonPath(this, null, index);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        append(out);
        return out.toString();
    }

    private void append(StringBuilder out) {
        if (parent == null) {
            out.append(name);
            return;
        }
        parent.append(out);
        if (name != null) {
            out.append('.').append(name);
        } else {
            out.append('[').append(index).append(']');
        }
    }
}
