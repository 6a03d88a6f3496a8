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

import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mirror of openHAB's ThingStatusInfo: status, detail and an optional description.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ThingStatusInfo {

    private final ThingStatus status;
    private final ThingStatusDetail statusDetail;
    private final @Nullable String description;

    public ThingStatusInfo(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        this.status = status;
        this.statusDetail = statusDetail;
        this.description = description;
    }

    public ThingStatus getStatus() {
        return status;
    }

    public ThingStatusDetail getStatusDetail() {
        return statusDetail;
    }

    public @Nullable String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        String d = description;
        return status + (statusDetail == ThingStatusDetail.NONE ? "" : " (" + statusDetail + ")")
                + (d == null || d.isBlank() ? "" : ": " + d);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof ThingStatusInfo o && status == o.status && statusDetail == o.statusDetail
                && Objects.equals(description, o.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, statusDetail, description);
    }
}