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

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The add-on jar the build just made (failsafe passes its path as {@code p1meter.bundle}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Addon {

    private Addon() {
    }

    public static Path jar() {
        String path = System.getProperty("p1meter.bundle", "");
        Path jar = Path.of(path);
        if (path.isBlank() || !Files.isRegularFile(jar)) {
            throw new AssertionError("the add-on jar is missing (p1meter.bundle=" + path + "): run mvn verify");
        }
        return jar;
    }
}
