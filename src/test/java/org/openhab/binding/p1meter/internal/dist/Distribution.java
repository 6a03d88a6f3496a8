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
package org.openhab.binding.p1meter.internal.dist;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The distribution archives under test (failsafe passes their paths, see the module's pom) and the names the
 * tests expect in them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class Distribution {

    static final String LAUNCHER = "bin/p1meter";
    static final String JAR = "p1meter.jar";
    static final String UNIT = "p1meter.service";
    static final String SETTINGS = "p1meter.env";

    /**
     * The daemon's options that take a value or are switches, as the command-line contract in the architecture
     * document names them (smartmeter2mqtt's, plus --simulate and --bind); each is also SMARTMETER_NAME.
     */
    static final List<String> CONTRACT_OPTIONS = List.of("port", "socket", "web-server", "post-url", "post-interval",
            "post-json", "post-fields", "mqtt-url", "mqtt-topic", "mqtt-distinct", "mqtt-distinct-fields",
            "mqtt-discovery", "mqtt-discovery-prefix", "tcp-server", "raw-tcp-server", "enc-key", "enc-aad", "debug",
            "simulate", "bind");

    private Distribution() {
    }

    static String version() {
        return property("p1meter.version");
    }

    static Path tar() {
        return Path.of(property("p1meter.dist.tar"));
    }

    static Path zip() {
        return Path.of(property("p1meter.dist.zip"));
    }

    /** The archive's top folder, so that unpacking never spills files into the current directory. */
    static String base() {
        return "p1meter-" + version() + "/";
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run these tests with 'mvn verify' (failsafe sets it)");
        }
        return value;
    }
}
