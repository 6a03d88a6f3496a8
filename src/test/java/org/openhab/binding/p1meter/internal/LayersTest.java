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
package org.openhab.binding.p1meter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The layers keep their direction: the DSMR core, the reader, the outputs and the daemon's command line are plain
 * Java that runs without openHAB, so none of their classes may use a class of {@code org.openhab.core} (or of the
 * openHAB layer of this add-on). Read from the compiled classes, so that nothing (a fully qualified name, a
 * lambda, a constant) slips past.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class LayersTest {

    private static final Path CLASSES = Path.of("target/classes/org/openhab/binding/p1meter");
    /** What each plain-Java layer must not use: openHAB core, and the add-on's openHAB layer. */
    private static final List<String> OPENHAB = List.of("org/openhab/core/",
            "org/openhab/binding/p1meter/internal/handler/", "org/openhab/binding/p1meter/internal/discovery/",
            "org/openhab/binding/p1meter/internal/service/", "org/openhab/binding/p1meter/internal/serial/",
            "org/openhab/binding/p1meter/internal/P1MeterHandlerFactory", "org/osgi/");
    private static final Map<String, String> LAYERS = Map.of("dsmr", "internal/dsmr", "reader", "internal/reader",
            "output", "internal/output", "cli", "cli");

    @ParameterizedTest
    @ValueSource(strings = { "dsmr", "reader", "output", "cli" })
    void aPlainJavaLayerUsesNothingOfOpenHab(String layer) throws IOException {
        Path dir = CLASSES.resolve(LAYERS.get(layer));
        List<Path> classes;
        try (Stream<Path> files = Files.walk(dir)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("compiled classes of " + dir).isNotEmpty();
        List<String> uses = new ArrayList<>();
        for (Path c : classes) {
            for (String type : typesUsedBy(c)) {
                if (OPENHAB.stream().anyMatch(type::startsWith)) {
                    uses.add(CLASSES.relativize(c) + " uses " + type);
                }
            }
        }
        assertThat(uses).as("openHAB types used by the " + layer + " layer").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCheckSeesWhatTheOpenHabLayerUses() throws IOException {
        // the same reading finds openHAB core in the handler: a check that found nothing anywhere would prove nothing
        assertThat(typesUsedBy(CLASSES.resolve("internal/handler/P1BridgeHandler.class")))
                .anyMatch(t -> t.startsWith("org/openhab/core/thing/"));
    }

    /** Every class name a class file mentions: in its signature, fields, methods, code and annotations. */
    private static List<String> typesUsedBy(Path classFile) throws IOException {
        List<String> types = new ArrayList<>();
        Remapper collector = new Remapper() {
            @Override
            public String map(String internalName) {
                types.add(internalName);
                return internalName;
            }
        };
        try (InputStream in = Files.newInputStream(classFile)) {
            ClassVisitor sink = new ClassVisitor(Opcodes.ASM9) {
            };
            new ClassReader(in).accept(new ClassRemapper(sink, collector), 0);
        }
        return types;
    }
}
