/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.itest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The link check the JVM does when a class runs, done ahead of time on the add-on's bytecode: every class, method
 * and field the add-on uses from a checked library (openHAB core) must exist in that library's real jars with a
 * matching descriptor and be accessible, and every concrete add-on class must implement every abstract method its
 * library supertypes declare. This is what {@code NoSuchMethodError} ({@code new DecimalType(BigDecimal)} compiled
 * against an imitation of openHAB) and {@code AbstractMethodError} (a web socket adapter missing 5.2's
 * three-argument method) are made of.
 *
 * <p>
 * Classes are looked up in the library jars first and then in the JDK running the check; a class in neither is
 * reported as missing.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class LinkChecker {

    /** What the check needs of a class: its supertypes and members with their access flags. */
    private record ClassInfo(String name, int access, @Nullable String superName, List<String> interfaces,
            Map<String, Integer> methods, Map<String, Integer> fields) {
        boolean isInterface() {
            return (access & Opcodes.ACC_INTERFACE) != 0;
        }
    }

    private final Map<String, ClassInfo> library = new HashMap<>();
    private final Map<String, @Nullable ClassInfo> jdk = new HashMap<>();
    private final Predicate<String> checked;

    /**
     * @param libraryJars the real jars the add-on runs against
     * @param checked which internal class names (e.g. {@code org/openhab/core/...}) to check references to
     */
    public LinkChecker(List<Path> libraryJars, Predicate<String> checked) throws IOException {
        this.checked = checked;
        for (Path jar : libraryJars) {
            for (ClassNode node : classes(jar)) {
                library.putIfAbsent(node.name, info(node));
            }
        }
    }

    /** How many classes the library jars hold (a check against an empty library proves nothing). */
    public int libraryClasses() {
        return library.size();
    }

    /** Whether the library jars hold a class of this package (internal form, ending in '/'). */
    public boolean hasPackage(String internalPackage) {
        return library.keySet().stream()
                .anyMatch(n -> n.startsWith(internalPackage) && n.indexOf('/', internalPackage.length()) < 0);
    }

    /** The problems the JVM would meet running the add-on's classes, one line each; empty when it links. */
    public List<String> check(Path addonJar) throws IOException {
        List<ClassNode> own = classes(addonJar);
        Map<String, ClassInfo> ownInfo = new HashMap<>();
        own.forEach(n -> ownInfo.put(n.name, info(n)));
        Set<String> problems = new TreeSet<>();
        for (ClassNode node : own) {
            String where = node.name.replace('/', '.');
            checkType(node.superName, where + " extends", problems);
            node.interfaces.forEach(i -> checkType(i, where + " implements", problems));
            for (FieldNode f : node.fields) {
                checkDescriptor(Type.getType(f.desc), where + "." + f.name, problems);
            }
            for (MethodNode m : node.methods) {
                String in = where + "." + m.name + m.desc;
                checkDescriptor(Type.getMethodType(m.desc), in, problems);
                for (AbstractInsnNode insn : m.instructions) {
                    checkInstruction(node, insn, in, problems);
                }
            }
            if ((node.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0) {
                checkImplementsAbstractMethods(node, ownInfo, where, problems);
            }
        }
        return new ArrayList<>(problems);
    }

    private void checkInstruction(ClassNode caller, AbstractInsnNode insn, String in, Set<String> problems) {
        if (insn instanceof MethodInsnNode call) {
            if (call.owner.startsWith("[")) {
                return; // array clone()
            }
            checkMember(caller, call.owner, call.name, call.desc, true, call.getOpcode() == Opcodes.INVOKESPECIAL, in,
                    problems);
        } else if (insn instanceof FieldInsnNode field) {
            checkMember(caller, field.owner, field.name, field.desc, false, false, in, problems);
        } else if (insn instanceof TypeInsnNode type) {
            checkDescriptor(type.desc.startsWith("[") ? Type.getType(type.desc) : Type.getObjectType(type.desc), in,
                    problems);
        } else if (insn instanceof MultiANewArrayInsnNode array) {
            checkDescriptor(Type.getType(array.desc), in, problems);
        } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type type) {
            checkDescriptor(type, in, problems);
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
            checkDescriptor(Type.getMethodType(indy.desc), in, problems);
            for (Object arg : indy.bsmArgs) {
                if (arg instanceof Handle handle) {
                    checkMember(caller, handle.getOwner(), handle.getName(), handle.getDesc(),
                            handle.getTag() >= Opcodes.H_INVOKEVIRTUAL, false, in, problems);
                }
            }
        }
    }

    private void checkDescriptor(Type type, String in, Set<String> problems) {
        switch (type.getSort()) {
            case Type.ARRAY -> checkDescriptor(type.getElementType(), in, problems);
            case Type.OBJECT -> checkType(type.getInternalName(), in, problems);
            case Type.METHOD -> {
                checkDescriptor(type.getReturnType(), in, problems);
                for (Type arg : type.getArgumentTypes()) {
                    checkDescriptor(arg, in, problems);
                }
            }
            default -> {
                // primitives
            }
        }
    }

    private void checkType(@Nullable String name, String in, Set<String> problems) {
        if (name != null && checked.test(name) && lookup(name) == null) {
            problems.add("missing class " + name.replace('/', '.') + " (used in " + in + ")");
        }
    }

    private void checkMember(ClassNode caller, String owner, String name, String desc, boolean method, boolean special,
            String in, Set<String> problems) {
        if (!checked.test(owner)) {
            return;
        }
        ClassInfo ownerInfo = lookup(owner);
        if (ownerInfo == null) {
            problems.add("missing class " + owner.replace('/', '.') + " (used in " + in + ")");
            return;
        }
        Found found = method ? findMethod(owner, name, desc, special) : findField(owner, name, desc);
        String member = owner.replace('/', '.') + "." + name + (method ? desc : ":" + desc);
        if (found == null) {
            problems.add("missing " + (method ? "method " : "field ") + member + " (used in " + in + ")");
        } else if (!accessible(caller, ownerInfo) || !accessible(caller, found)) {
            problems.add("inaccessible " + (method ? "method " : "field ") + member + " (used in " + in + ")");
        }
    }

    /** A member found in a class of the hierarchy, with its access flags. */
    private record Found(ClassInfo declaringClass, int access) {
    }

    private @Nullable Found findMethod(String owner, String name, String desc, boolean special) {
        // JVMS 5.4.3.3/5.4.3.4: the class and its superclasses, then the superinterfaces
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(owner);
        while (!queue.isEmpty()) {
            String name0 = queue.poll();
            if (!seen.add(name0)) {
                continue;
            }
            ClassInfo c = lookup(name0);
            if (c == null) {
                continue;
            }
            Integer access = c.methods().get(name + desc);
            if (access != null) {
                return new Found(c, access);
            }
            if (special && "<init>".equals(name)) {
                return null; // constructors are not inherited
            }
            if (c.superName() != null) {
                queue.add(c.superName());
            }
            queue.addAll(c.interfaces());
        }
        return null;
    }

    private @Nullable Found findField(String owner, String name, String desc) {
        Deque<String> queue = new ArrayDeque<>();
        queue.add(owner);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String name0 = queue.poll();
            if (!seen.add(name0)) {
                continue;
            }
            ClassInfo c = lookup(name0);
            if (c == null) {
                continue;
            }
            Integer access = c.fields().get(name + ":" + desc);
            if (access != null) {
                return new Found(c, access);
            }
            queue.addAll(c.interfaces());
            if (c.superName() != null) {
                queue.add(c.superName());
            }
        }
        return null;
    }

    /** JVMS 5.4.4: a class is accessible when public or in the caller's package. */
    private static boolean accessible(ClassNode caller, ClassInfo type) {
        return (type.access() & Opcodes.ACC_PUBLIC) != 0 || samePackage(caller.name, type.name());
    }

    /** JVMS 5.4.4: a member is accessible when public, in the caller's package, or protected in a superclass. */
    private boolean accessible(ClassNode caller, Found found) {
        int access = found.access();
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return true;
        }
        if ((access & Opcodes.ACC_PRIVATE) != 0) {
            return false;
        }
        if (samePackage(caller.name, found.declaringClass().name())) {
            return true;
        }
        // protected: from a subclass of the declaring class
        return (access & Opcodes.ACC_PROTECTED) != 0 && isSubclass(caller, found.declaringClass().name());
    }

    private boolean isSubclass(ClassNode caller, String ancestor) {
        String s = caller.superName;
        Set<String> seen = new HashSet<>();
        while (s != null && seen.add(s)) {
            if (s.equals(ancestor)) {
                return true;
            }
            ClassInfo c = lookup(s);
            s = c == null ? null : c.superName();
        }
        return false;
    }

    private static boolean samePackage(String a, String b) {
        return a.substring(0, Math.max(0, a.lastIndexOf('/'))).equals(b.substring(0, Math.max(0, b.lastIndexOf('/'))));
    }

    /**
     * A concrete class of the add-on that extends or implements library types must implement every abstract
     * method of theirs, or the JVM throws AbstractMethodError when the framework calls it.
     */
    private void checkImplementsAbstractMethods(ClassNode node, Map<String, ClassInfo> own, String where,
            Set<String> problems) {
        Map<String, Boolean> implemented = new HashMap<>(); // name+desc -> concrete somewhere
        Map<String, String> abstractIn = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(node.name);
        boolean touchesLibrary = false;
        // superclass chain first, so a concrete method found there wins over an interface's abstract one
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            ClassInfo c = own.containsKey(name) ? own.get(name) : lookup(name);
            if (c == null) {
                continue;
            }
            order.add(name);
            touchesLibrary |= checked.test(name);
            if (c.superName() != null) {
                queue.addFirst(c.superName());
            }
            queue.addAll(c.interfaces());
        }
        if (!touchesLibrary) {
            return;
        }
        for (String name : order) {
            ClassInfo c = own.containsKey(name) ? own.get(name) : lookup(name);
            if (c == null) {
                continue;
            }
            c.methods().forEach((sig, access) -> {
                if (sig.startsWith("<") || (access & Opcodes.ACC_STATIC) != 0 || (access & Opcodes.ACC_PRIVATE) != 0) {
                    return;
                }
                boolean isAbstract = (access & Opcodes.ACC_ABSTRACT) != 0;
                if (isAbstract) {
                    abstractIn.putIfAbsent(sig, name);
                    implemented.putIfAbsent(sig, false);
                } else {
                    implemented.put(sig, true);
                }
            });
        }
        implemented.forEach((sig, done) -> {
            if (!done && checked.test(abstractIn.get(sig))) {
                problems.add(where + " does not implement " + abstractIn.get(sig).replace('/', '.') + "." + sig);
            }
        });
    }

    private @Nullable ClassInfo lookup(String name) {
        ClassInfo c = library.get(name);
        if (c != null) {
            return c;
        }
        return jdk.computeIfAbsent(name, n -> {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(n + ".class")) {
                if (in == null || !(n.startsWith("java/") || n.startsWith("javax/") || n.startsWith("jdk/")
                        || n.startsWith("sun/"))) {
                    return null;
                }
                ClassNode node = new ClassNode();
                new ClassReader(in).accept(node, ClassReader.SKIP_CODE);
                return info(node);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static ClassInfo info(ClassNode node) {
        Map<String, Integer> methods = new HashMap<>();
        node.methods.forEach(m -> methods.put(m.name + m.desc, m.access));
        Map<String, Integer> fields = new HashMap<>();
        node.fields.forEach(f -> fields.put(f.name + ":" + f.desc, f.access));
        return new ClassInfo(node.name, node.access, node.superName, List.copyOf(node.interfaces), methods, fields);
    }

    private static List<ClassNode> classes(Path jar) throws IOException {
        List<ClassNode> nodes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.endsWith("module-info.class") || name.startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, 0);
                    nodes.add(node);
                }
            }
        }
        return nodes;
    }
}
