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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The add-on jar as built links against openHAB's real 5.2.1 core jars (the ones it is compiled against, from the
 * project's file repository): every openHAB class, method and field it uses exists there with that signature and
 * is accessible, and it implements every abstract method of the openHAB types it implements. Runs in every build,
 * without an openHAB runtime; {@link LinkOpenHabIT} does the same against each runtime's own jars.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class OpenHabApiLinkIT {

    @Test
    void everyOpenHabReferenceOfTheAddonExistsInTheRealJars() throws Exception {
        List<Path> openhabJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.replace(File.separatorChar, '/').contains("/org/openhab/core/bundles/")).map(Path::of)
                .toList();
        assertThat(openhabJars).as("openHAB's core jars on the test class path").hasSizeGreaterThanOrEqualTo(6);
        LinkChecker checker = new LinkChecker(openhabJars, name -> name.startsWith("org/openhab/core/"));
        assertThat(checker.libraryClasses()).isGreaterThan(500);
        assertThat(checker.check(Addon.jar())).as("references the real openHAB 5.2.1 API does not have").isEmpty();
    }
}
