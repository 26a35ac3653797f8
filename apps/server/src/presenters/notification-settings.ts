import type { KindPreference, OrganisationKindDefault, ChannelSwitches } from "@ascent/core";

export function presentPreferences(view: { preferences: KindPreference[]; switches: ChannelSwitches }) {
  return {
    switches: { isEmailEnabled: view.switches.isEmailEnabled, isDigestEnabled: view.switches.isDigestEnabled },
    preferences: view.preferences.map((p) => ({
      kind: p.kind,
      label: p.label,
      inApp: p.inApp,
      mail: p.mail,
      source: p.source,
      mailDisabledReason: p.mailDisabledReason,
    })),
  };
}

export function presentOrganisationDefaults(view: { defaults: OrganisationKindDefault[]; switches: ChannelSwitches }) {
  return {
    switches: { isEmailEnabled: view.switches.isEmailEnabled, isDigestEnabled: view.switches.isDigestEnabled },
    defaults: view.defaults.map((d) => ({
      kind: d.kind,
      label: d.label,
      inApp: d.inApp,
      mail: d.mail,
      isAppDefault: d.isAppDefault,
    })),
  };
}
