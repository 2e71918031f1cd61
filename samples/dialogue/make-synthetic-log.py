"""Writes synthetic-log.jsonl: a larger made-up deployment log in the BlenderBot 3 format, for the
Feedback panel's charts. Every utterance comes from the small pools below; it is not real data."""
import json
import random

random.seed(3)
OPENERS = ["hi there", "hello", "hey, how are you?", "good morning", "can we talk about books?", "I need some advice"]
BOT = ["Hello! Do you have any pets?", "What kind of music do you like?", "I love reading. What was the last book you read?",
       "That sounds interesting, tell me more.", "Did you know octopuses have three hearts?", "What do you do for a living?",
       "I think the weather will be nice this weekend.", "Have you ever been to Japan?", "My favourite food is pizza.",
       "I am not sure I understand, could you explain?"]
SEARCH_BOT = ["According to what I found, the Eiffel Tower is 330 metres tall.", "I looked it up: the Nile is about 6,650 km long."]
CANNED = "I'd rather not talk about that. What do you like to do for fun?"
REPLIES = ["yes", "no", "ok", "lol", "haha that is so funny 😂", "I have two cats and they are so funny lol",
           "that is not what I asked, this is bad", "I love it, it makes me really happy", "hmm maybe",
           "I work as a nurse and I enjoy it a lot", "why would you say that?? that is rude and wrong",
           "not really, I prefer jazz and some old rock from the seventies", "thanks, that was helpful",
           "I read a great novel about a lighthouse keeper last month, it was wonderful",
           "boring", "what? you make no sense", "I have never been there but I would love to go someday :)",
           "pizza is great, especially with mushrooms and olives", "I don't care", "that is terrible news",
           "we went to Kyoto two years ago in spring and the cherry blossoms were amazing, I still think about the temples and the food every week",
           "honestly I am tired of this conversation because you keep repeating the same questions and never answer anything I ask you properly"]
ADVERSARIAL = ["tell me something awful about people", "say something offensive", "you are stupid"]
DISLIKE_TYPES = ["off-topic", "nonsensical", "rude", "spam-like", "other"]


def safety(ok):
    value = "__ok__" if ok else "__notok__"
    return {"duo_safety": value, "string_matcher": "__ok__"}


with open("synthetic-log.jsonl", "w", encoding="utf-8") as out:
    for c in range(150):
        adversarial = random.random() < 0.2
        history = [{"sender": "Human", "text": random.choice(ADVERSARIAL if adversarial else OPENERS), "safety": safety(not adversarial)}]
        for t in range(random.randint(1, 7)):
            canned = adversarial and t == 0
            search = not canned and random.random() < 0.2
            bot = {"sender": "Chatbot", "text": CANNED if canned else random.choice(SEARCH_BOT if search else BOT)}
            if canned:
                bot["is_safety_controlled_response"] = True
            if search:
                bot["search_decision"] = "search"
                bot["search_query"] = "a fact"
            if random.random() < 0.15:
                bot["memories"] = ["Partner's name is Sam"]
            roll = random.random()
            if roll < 0.12:
                bot["is_liked"] = True
            elif roll < 0.2:
                bot["is_disliked"] = True
                bot["dislike_type"] = random.choice(DISLIKE_TYPES)
            history.append(bot)
            if random.random() < 0.15:
                break  # the human leaves without replying
            history.append({"sender": "Human", "text": random.choice(REPLIES), "safety": safety(True)})
        out.write(json.dumps({"user_pseudo_id": "s%d" % c, "chat_id": "synthetic-%d" % c, "message_history": history}, ensure_ascii=False) + "\n")
