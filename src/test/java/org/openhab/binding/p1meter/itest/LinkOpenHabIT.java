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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The add-on jar links against the jars of the openHAB runtime under test (its openHAB core and every library it
 * exports: Gson, javax.measure, Jetty's web socket API, ...): each package the bundle imports that the runtime has
 * is checked, class by class and member by member. For openHAB 5.1.4 this is the proof that one jar, compiled
 * against 5.2.1, calls nothing 5.1 lacks.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class LinkOpenHabIT {

    @Test
    void everyImportedReferenceOfTheAddonExistsInTheRuntimesJars() throws Exception {
        Path kit = OpenHabRuntime.kit();
        List<Path> jars = new ArrayList<>();
        // its bundles, and the OSGi framework (org.osgi.framework is exported by the system bundle)
        for (String folder : List.of("bundles", "framework")) {
            try (Stream<Path> list = Files.list(kit.resolve(folder))) {
                list.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
        }
        List<OsgiManifest.Import> imports;
        try (JarFile addon = new JarFile(Addon.jar().toFile())) {
            imports = OsgiManifest.imports(addon.getManifest());
        }
        assertThat(imports).anyMatch(i -> i.name().startsWith("org.openhab.core."));
        List<String> checked = new ArrayList<>();
        LinkChecker checker = new LinkChecker(jars,
                name -> checked.stream().anyMatch(p -> name.startsWith(p) && name.indexOf('/', p.length()) < 0));
        // every mandatory import, and the optional ones this runtime has (the serial transport, the web socket);
        // the daemon's own libraries (picocli, jSerialComm, ...) are optional and absent in openHAB
        for (OsgiManifest.Import i : imports) {
            String path = i.name().replace('.', '/') + "/";
            if (!i.optional() || checker.hasPackage(path)) {
                checked.add(path);
            }
        }
        assertThat(checker.check(Addon.jar())).as("references the runtime in " + kit + " does not have").isEmpty();
    }
}
