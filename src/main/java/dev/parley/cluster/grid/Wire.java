package dev.parley.cluster.grid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Events as bytes between nodes: Java serialization of Parley's records, read back with Parley's own
 * class loader. The grid hands Hazelcast only {@code byte[]}: Payara's Hazelcast deserializes with
 * the server's class loader, which cannot see the application's classes. Reading accepts Parley's
 * types and the JDK's value and collection types only, so that a member cannot make this node build
 * arbitrary objects.
 */
final class Wire {
    private static final ObjectInputFilter ONLY_PARLEY_AND_VALUES = info -> {
        Class<?> type = info.serialClass();
        if (type == null) return info.depth() > 20 || info.references() > 100_000 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        while (type.isArray()) type = type.getComponentType();
        if (type.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
        String name = type.getName();
        return name.startsWith("dev.parley.") || name.startsWith("java.lang.") || name.startsWith("java.util.")
                || name.startsWith("java.time.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private Wire() {
    }

    static byte[] encode(Serializable event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(event);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize " + event.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    static Serializable decode(byte[] bytes, int offset, int length) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, offset, length)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, Wire.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            in.setObjectInputFilter(ONLY_PARLEY_AND_VALUES);
            return (Serializable) in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException("Refused an event from another node: " + e.getMessage());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("Cannot read an event from another node: " + e);
        }
    }
}
