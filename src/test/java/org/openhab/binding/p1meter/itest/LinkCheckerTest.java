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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The link checker finds what the JVM would fail on: bytecode written here with calls openHAB 5.2.1 does not have
 * (the ones an imitation of openHAB once let through) is reported, calls it does have are not.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class LinkCheckerTest {

    private static final String DECIMAL_TYPE = "org/openhab/core/library/types/DecimalType";
    private static final String ADAPTER = "org/openhab/core/io/websocket/WebSocketAdapter";

    @TempDir
    Path dir;

    private static LinkChecker checker() throws IOException {
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.replace(File.separatorChar, '/').contains("/org/openhab/core/bundles/")).map(Path::of)
                .toList();
        return new LinkChecker(jars, name -> name.startsWith("org/openhab/core/"));
    }

    @Test
    void aConstructorOpenHabDoesNotHaveIsReported() throws Exception {
        Path jar = jar("p/Uses", cw -> {
            constructorCall(cw, "(Ljava/math/BigDecimal;)V"); // not in 5.x: only (Number), (String), (String, Locale)
        });
        assertThat(checker().check(jar)).singleElement().asString()
                .contains("missing method " + DECIMAL_TYPE.replace('/', '.') + ".<init>(Ljava/math/BigDecimal;)V");
    }

    @Test
    void aConstructorOpenHabHasPasses() throws Exception {
        Path jar = jar("p/Uses", cw -> constructorCall(cw, "(Ljava/lang/Number;)V"));
        assertThat(checker().check(jar)).isEmpty();
    }

    @Test
    void anInheritedMethodIsFoundInTheSuperclass() throws Exception {
        // DecimalType.toString() is declared there; intValue() comes from Number, hashCode() from Object via the chain
        Path jar = jar("p/Uses", cw -> {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "(L" + DECIMAL_TYPE + ";)I",
                    null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DECIMAL_TYPE, "intValue", "()I", false);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitMaxs(1, 1);
            mv.visitEnd();
        });
        assertThat(checker().check(jar)).isEmpty();
    }

    @Test
    void aClassThatMissesAnAbstractMethodOfAnOpenHabInterfaceIsReported() throws Exception {
        // implements WebSocketAdapter with 5.1's two-argument createWebSocket only
        Path jar = jar("p/Adapter", new String[] { ADAPTER }, cw -> {
            method(cw, "getId", "()Ljava/lang/String;");
            method(cw, "createWebSocket", "(Lorg/eclipse/jetty/websocket/servlet/ServletUpgradeRequest;"
                    + "Lorg/eclipse/jetty/websocket/servlet/ServletUpgradeResponse;)Ljava/lang/Object;");
        });
        assertThat(checker().check(jar)).singleElement().asString()
                .contains("p.Adapter does not implement " + ADAPTER.replace('/', '.')
                        + ".createWebSocket(Lorg/eclipse/jetty/websocket/servlet/ServletUpgradeRequest;");
    }

    @Test
    void aMissingClassIsReported() throws Exception {
        Path jar = jar("p/Uses", cw -> {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "()V", null, null);
            mv.visitCode();
            mv.visitTypeInsn(Opcodes.NEW, "org/openhab/core/library/unit/NoSuchUnits");
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(1, 0);
            mv.visitEnd();
        });
        assertThat(checker().check(jar)).singleElement().asString()
                .startsWith("missing class org.openhab.core.library.unit.NoSuchUnits");
    }

    private static void constructorCall(ClassWriter cw, String descriptor) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "()Ljava/lang/Object;", null,
                null);
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, DECIMAL_TYPE);
        mv.visitInsn(Opcodes.DUP);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, DECIMAL_TYPE, "<init>", descriptor, false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(3, 0);
        mv.visitEnd();
    }

    private static void method(ClassWriter cw, String name, String descriptor) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, name, descriptor, null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(1, 3);
        mv.visitEnd();
    }

    private interface Body {
        void write(ClassWriter cw);
    }

    private Path jar(String name, Body body) throws IOException {
        return jar(name, new String[0], body);
    }

    private Path jar(String name, String[] interfaces, Body body) throws IOException {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", interfaces);
        body.write(cw);
        cw.visitEnd();
        Path jar = dir.resolve(name.replace('/', '_') + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry(name + ".class"));
            zip.write(cw.toByteArray());
            zip.closeEntry();
        }
        return jar;
    }
}
