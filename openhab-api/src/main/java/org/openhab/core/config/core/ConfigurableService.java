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
package org.openhab.core.config.core;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Mirror of openHAB 5.x's ConfigurableService component property type. On a {@code @Component} it sets the
 * service properties {@code service.config.description.uri}, {@code service.config.label},
 * {@code service.config.category} and {@code service.config.factory}, which make the UI offer the service's
 * configuration (described by the config description with that URI).
 *
 * @author P1 Meter Team - Initial contribution
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
public @interface ConfigurableService {

    String PREFIX_ = "service.config.";

    /** The URI of the config description, e.g. {@code io:p1meter-mqtt}. */
    String description_uri();

    String label() default "";

    /** e.g. {@code io}, {@code binding}, {@code system}. */
    String category() default "";

    /** True when the service can have several configurations (a factory PID). */
    boolean factory() default false;
}