/**
 * The starter has no code of its own: it is the dependency that brings the
 * auto-configuration ({@code wechatpay-complaint-spring-boot-autoconfigure}) and the
 * libraries it needs. This file exists so that the starter's sources and Javadoc jars,
 * which Maven Central requires, are not empty.
 */
package io.github.wechatpaycomplaint.starter;
