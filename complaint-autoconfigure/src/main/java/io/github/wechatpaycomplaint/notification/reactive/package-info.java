/**
 * The notification endpoint of a reactive (WebFlux) application: a thin adapter over the
 * same processing as the Spring MVC endpoint.
 */
@NullMarked
package io.github.wechatpaycomplaint.notification.reactive;

import org.jspecify.annotations.NullMarked;
