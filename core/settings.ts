// What the core needs to know of the studio's configuration, defined here so the core does not
// depend on how the configuration is read (config.ts validates the environment with zod and its
// result satisfies this; tests build it directly).
import type { CatalogSettings } from './catalog.js';
import type { DateOverride, WeeklyWindow } from './booking/hours.js';
import type { EngineerAlertLevel } from './booking/booking-alerts.js';
import type { ReviewPolicy } from './versions/holds.js';
import type { Language } from './texts.js';
import type { Preset } from '../engine/presets.js';

export interface StudioSettings extends CatalogSettings {
  STUDIO_NAME: string;
  STUDIO_TIMEZONE: string;
  STUDIO_LANGUAGE: Language;
  STUDIO_HOURS: WeeklyWindow[];
  STUDIO_CLOSED_DATES: DateOverride[];
  DATA_DIR: string;
  DISK_RESERVE_MB: number;

  BOOKING_AUTO_CONFIRM: boolean;
  BOOKING_BUFFER_MINUTES: number;
  BOOKING_HORIZON_DAYS: number;
  BOOKING_MIN_NOTICE_HOURS: number;
  BOOKING_SLOT_STEP_MINUTES: number;
  UNATTENDED_JOBS_PER_DAY: number;
  UNATTENDED_TURNAROUND_DAYS: number;
  REMINDER_OFFSETS_HOURS: number[];
  SONOBUS_SERVER: string;

  UPLOAD_MAX_MB: number;
  UPLOAD_MAX_MINUTES: number;
  UPLOAD_BOOKING_QUOTA_GB: number;
  UPLOAD_LINK_TTL_HOURS: number;
  UPLOAD_LINK_MAX_UNFINISHED: number;
  UPLOAD_STAGING_EXPIRY_HOURS: number;
  DOWNLOAD_LINK_TTL_DAYS: number;
  PUBLIC_BASE_URL?: string | undefined;
  WEB_HOST: string;
  WEB_PORT: number;

  MASTER_PRESET: Preset;
  MASTER_MAX_MINUTES: number;
  DELIVERY_REVIEW: ReviewPolicy;

  PAYMENTS: 'off' | 'stripe';
  DEPOSIT_PERCENT: number;
  PAYMENT_HOLD_MINUTES: number;
  CANCEL_REFUND_HOURS: number;
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_API_URL?: string | undefined;

  ENGINEER_ALERTS: EngineerAlertLevel;
  /** The configured engineer's (the owner's) name, as artists see it when there are several; the studio's name by default. */
  ENGINEER_NAME?: string | undefined;
  ENGINEER_CHAT?: string | undefined;
  DISCORD_ENGINEER_IDS: string[];
  DISCORD_STUDIO_GUILD_ID?: string | undefined;
  DISCORD_ENGINEER_ROLE_ID?: string | undefined;
}
