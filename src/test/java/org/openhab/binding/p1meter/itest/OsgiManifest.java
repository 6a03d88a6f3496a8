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

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Reads a bundle manifest's {@code Import-Package}: the package names, split at the commas between clauses (not
 * the ones inside quoted version ranges).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class OsgiManifest {

    private OsgiManifest() {
    }

    /** One imported package, and whether the bundle resolves without it. */
    public record Import(String name, boolean optional) {
    }

    public static List<Import> imports(Manifest manifest) {
        String header = manifest.getMainAttributes().getValue("Import-Package");
        List<Import> packages = new ArrayList<>();
        if (header == null) {
            return packages;
        }
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            boolean optional = clause.replace(" ", "").contains("resolution:=optional");
            for (String part : clause.split(";")) {
                if (part.contains("=")) {
                    break;
                }
                packages.add(new Import(part.trim(), optional));
            }
        }
        return packages;
    }
}
