// The phrasing of the support tickets that make-support-tickets.ts composes: per topic, sentence templates
// whose {slots} take one of their fillers, so that two tickets on the same topic rarely read alike.
import type {Random} from "../../src/cells/random.ts";

/** The ticket topics, the model's classes. "rewards" exists only in production (see make-support-tickets). */
export const TOPICS = ["login", "billing", "shipping", "bug", "account", "rewards"] as const;
export type Topic = (typeof TOPICS)[number];

const SLOTS: Readonly<Record<string, readonly string[]>> = {
  device: ["iPhone", "Android phone", "laptop", "work computer", "tablet", "Chromebook"],
  browser: ["Chrome", "Firefox", "Safari", "Edge"],
  days: ["two days", "three days", "a week", "five days", "ten days", "over two weeks"],
  amount: ["$12.99", "$49.00", "$89.50", "$23.40", "$120.00", "$7.99"],
  item: [
    "running shoes",
    "coffee grinder",
    "desk lamp",
    "winter jacket",
    "phone case",
    "blender",
    "backpack"
  ],
  carrier: ["UPS", "FedEx", "DHL", "USPS", "Royal Mail"],
  page: ["checkout page", "order history", "search results", "product page", "cart", "wishlist"],
  setting: ["email address", "phone number", "shipping address", "newsletter preferences", "display name"],
  points: ["500 points", "1,200 points", "250 points", "all my points", "the bonus points", "800 points"],
  reward: ["$10 voucher", "free shipping reward", "$5 coupon", "birthday reward", "double points offer"]
};

const TEMPLATES: Readonly<Record<Topic, readonly string[]>> = {
  login: [
    "I can't log in to my account, it keeps saying my password is wrong even after I reset it.",
    "The password reset email never arrives, I checked the spam folder too.",
    "My account is locked after too many sign-in attempts. How long until I can log in again?",
    "The two-factor code sent to my phone is rejected every time I try to sign in.",
    "Sign in on my {device} fails with an error about an invalid session.",
    "I changed my password yesterday and now neither the old nor the new password works.",
    "The login page just reloads when I enter my username and password in {browser}.",
    "I no longer have access to the phone number used for verification codes, so I cannot log in.",
    "Every time I open the app on my {device} it logs me out and asks for my password again.",
    "The reset password link says it has expired although I clicked it within a minute."
  ],
  billing: [
    "I was charged twice for the same order, {amount} each time. Please refund one of the payments.",
    "My credit card was billed {amount} but the order was cancelled. When will I get the refund?",
    "The invoice shows the wrong tax amount, can you send a corrected invoice?",
    "I cancelled my subscription last month and was still charged {amount} this month.",
    "The payment failed at checkout but my bank shows the money was taken.",
    "How do I update the credit card on file? The old card expired and payments are declined.",
    "I returned the {item} {days} ago and still have not received my refund of {amount}.",
    "There is an unknown charge of {amount} on my bank statement from your store.",
    "The promo price was {amount} but I was billed the full price. Please adjust the charge.",
    "I need a copy of my receipt and invoice for the {item} for my expense report."
  ],
  shipping: [
    "My order of the {item} was supposed to arrive {days} ago and it still has not been delivered.",
    "The tracking number does not work on the {carrier} website.",
    "Tracking says delivered but there is no package at my door.",
    "The package arrived damaged, the box was crushed and the {item} is broken.",
    "Can I change the delivery address? The parcel has not shipped yet.",
    "My parcel has been stuck at the {carrier} depot for {days} without any update.",
    "I received someone else's package instead of my {item}.",
    "Only half of my order arrived, the {item} is missing from the box.",
    "Delivery was scheduled for today but {carrier} says the shipment is delayed again.",
    "Do you ship to Canada? The delivery options at checkout are empty for my address."
  ],
  bug: [
    "The app crashes on my {device} every time I open the {page}.",
    "The {page} shows a blank white screen in {browser}.",
    "Search returns no results even for products that I know are in stock.",
    "Images on the {page} do not load, only grey boxes appear.",
    "The app freezes when I try to upload a photo for a product review.",
    "Filters on the {page} reset every time I scroll down.",
    "I get an error 500 when I click the button on the {page}.",
    "The {page} is extremely slow and times out on my {device}.",
    "Push notifications stopped working on my {device} after the latest app version.",
    "The dark theme makes the text on the {page} unreadable, black on dark grey."
  ],
  account: [
    "How do I change the {setting} on my account?",
    "Please delete my account and all of my personal data.",
    "I want to merge my two accounts, one was created with my work email.",
    "The change to my {setting} is not saved, it goes back to the old one.",
    "I would like to stop all marketing emails but keep order notifications.",
    "Can I download a copy of all the data you hold about me?",
    "My name is misspelled on the account and I cannot edit the {setting} field.",
    "How do I add a second person to our household account?",
    "I moved to a new city, how do I update my {setting}?",
    "Please close my account, I no longer use your store."
  ],
  rewards: [
    "I joined the new rewards program but the {points} from my last order never showed up.",
    "The rewards page says I have 0 points even though I earned {points} this month.",
    "I cannot redeem my loyalty points for the {reward}, the redeem button does nothing.",
    "My rewards balance dropped by {points} overnight without me redeeming anything.",
    "I redeemed {points} for a {reward} but never received the voucher code.",
    "The loyalty program promised {points} for signing up, where are they?",
    "My member tier went from gold back to silver after the rewards update.",
    "Points were deducted twice when I redeemed the {reward}.",
    "The {reward} expired the same day it was added to my rewards wallet.",
    "Why do my rewards points show as pending for {days}?"
  ]
};

const OPENERS = ["", "", "", "Hi, ", "Hello, ", "Hi team, ", "Urgent: ", "Good morning. ", "Hey, "];
const CLOSERS = [
  "",
  "",
  "",
  " Thanks.",
  " Please help.",
  " Thank you for your help.",
  " This is really frustrating.",
  " Any update would be appreciated.",
  " I have contacted you twice already."
];

const pick = <T>(random: Random, values: readonly T[]): T => values[random.below(values.length)]!;

/** One ticket on `topic`: an opener, one or two of the topic's sentences with their slots filled, a closer. */
export function ticketText(topic: Topic, random: Random): string {
  const templates = TEMPLATES[topic];
  const first = random.below(templates.length);
  const sentences = [templates[first]!];
  // A third of the tickets say a second thing on the same subject, as customers do.
  if (random.float() < 1 / 3)
    sentences.push(templates[(first + 1 + random.below(templates.length - 1)) % templates.length]!);
  const body = sentences.join(" ").replace(/\{(\w+)\}/g, (_, slot: string) => pick(random, SLOTS[slot]!));
  const opener = pick(random, OPENERS);
  // After "Hi, " the sentence goes on in lower case, but "I" stays capitalized.
  const lower = opener.endsWith(", ") && !/^I\b/.test(body);
  return opener + (lower ? body[0]!.toLowerCase() + body.slice(1) : body) + pick(random, CLOSERS);
}
