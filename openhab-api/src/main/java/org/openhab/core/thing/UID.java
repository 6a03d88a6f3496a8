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
package org.openhab.core.thing;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.AbstractUID;

/**
 * Mirror of openHAB's UID base of Thing and Thing type UIDs: the first segment is the binding id.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class UID extends AbstractUID {

    protected UID(String uid) {
        super(uid);
    }

    protected UID(String... segments) {
        super(segments);
    }

    protected UID(List<String> segments) {
        super(segments);
    }

    public String getBindingId() {
        return getSegment(0);
    }
}