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
package org.openhab.binding.p1meter.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A configuration value the user has to fix; its message is a translatable {@link StatusText}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ConfigProblem extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigProblem(String key, Object... args) {
        super(StatusText.of(key, args));
    }

    /** The status description to show. */
    public String statusText() {
        String m = getMessage();
        return m == null ? "" : m;
    }
}
