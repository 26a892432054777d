/**
 * Errors in FluentDL's shape: <em>where: rule, got values. fix.</em> ({@link io.fluentdl.errors.Problem}).
 * Cross-field checks report every problem at once in one {@link io.fluentdl.errors.InvalidConfigException}.
 */
package io.fluentdl.errors;
