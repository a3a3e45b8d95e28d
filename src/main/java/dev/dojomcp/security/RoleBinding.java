package dev.dojomcp.security;

import dev.dojomcp.config.Secret;

/** One service token: the variable it came from, the caller id it stands for, and its role. */
public record RoleBinding(String variable, String callerId, Secret token, Role role) {
}
