package io.halqe.local.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A user pool's PasswordPolicy, with the messages Cognito gives a password that breaks it. */
record PasswordPolicy(int minimumLength, boolean upper, boolean lower, boolean numbers, boolean symbols,
                      int temporaryDays) {

    Optional<String> problem(String password) {
        List<String> missing = new ArrayList<>();
        if (password.length() < minimumLength) {
            missing.add("Password not long enough");
        }
        if (upper && password.chars().noneMatch(Character::isUpperCase)) {
            missing.add("Password must have uppercase characters");
        }
        if (lower && password.chars().noneMatch(Character::isLowerCase)) {
            missing.add("Password must have lowercase characters");
        }
        if (numbers && password.chars().noneMatch(Character::isDigit)) {
            missing.add("Password must have numeric characters");
        }
        if (symbols && password.chars().allMatch(Character::isLetterOrDigit)) {
            missing.add("Password must have symbol characters");
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("Password does not conform to policy: " + String.join("; ", missing));
    }
}
